package id.otos.messaging.notifications;

import id.otos.messaging.support.PostgresTest;

/**
 * The live updates' abuse checks on PostgreSQL, where every stream's request reads its
 * session and account from the database over a connection: 500 streams from one session.
 */
@PostgresTest
class LiveAbusePostgresTests extends LiveAbuseChecks {

	@Override
	int floodSize() {
		return 500;
	}

}
