package id.otos.messaging.threads.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class BroadcastFormPostgresTests extends BroadcastFormChecks {

	@Override
	String blockedSessionsQuery() {
		return "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()";
	}

}
