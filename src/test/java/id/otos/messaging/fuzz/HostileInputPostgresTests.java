package id.otos.messaging.fuzz;

import id.otos.messaging.support.PostgresTest;

/**
 * The hostile-input harness on PostgreSQL, which refuses what H2 stores (a NUL in text,
 * for one): 50 requests to each endpoint, over 2,000 in all.
 */
@PostgresTest
class HostileInputPostgresTests extends HostileInputChecks {

	@Override
	int requestsPerEndpoint() {
		return 50;
	}

}
