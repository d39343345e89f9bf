package id.otos.messaging.fuzz;

import id.otos.messaging.support.PostgresTest;

/**
 * The hostile Django sessions on PostgreSQL: 150 requests.
 */
@PostgresTest
class HostileDjangoSessionsPostgresTests extends HostileDjangoSessionsChecks {

	@Override
	int requests() {
		return 150;
	}

}
