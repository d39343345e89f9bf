package id.otos.messaging.fuzz;

/**
 * The hostile Django sessions on the embedded database: 400 requests.
 */
class HostileDjangoSessionsH2Tests extends HostileDjangoSessionsChecks {

	@Override
	int requests() {
		return 400;
	}

}
