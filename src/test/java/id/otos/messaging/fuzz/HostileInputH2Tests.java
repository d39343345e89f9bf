package id.otos.messaging.fuzz;

/**
 * The hostile-input harness on the embedded database: 240 requests to each of the 43
 * endpoints, over 10,000 in all.
 */
class HostileInputH2Tests extends HostileInputChecks {

	@Override
	int requestsPerEndpoint() {
		return 240;
	}

}
