package id.otos.messaging.fuzz;

import id.otos.messaging.support.PostgresTest;

/**
 * The hostile-input harness on PostgreSQL, which refuses what H2 stores (a NUL in text,
 * for one): 52 requests to each of 39 endpoints and 13 to each of the 5 that hash a
 * password, 2,093 in all.
 */
@PostgresTest
class HostileInputPostgresTests extends HostileInputChecks {

	@Override
	int requestsPerEndpoint() {
		return 52;
	}

}
