package id.otos.messaging.threads;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class UnreadCountNarrowingPostgresTests extends UnreadCountNarrowingChecks {

}
