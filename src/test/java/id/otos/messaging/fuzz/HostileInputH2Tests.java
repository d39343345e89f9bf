package id.otos.messaging.fuzz;

/**
 * The hostile-input harness on the embedded database: 265 requests to each of 39
 * endpoints and 67 to each of the 5 that hash a password, 10,670 in all.
 */
class HostileInputH2Tests extends HostileInputChecks {

	@Override
	int requestsPerEndpoint() {
		return 265;
	}

}
