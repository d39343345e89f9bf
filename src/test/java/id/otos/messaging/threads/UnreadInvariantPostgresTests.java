package id.otos.messaging.threads;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class UnreadInvariantPostgresTests extends UnreadInvariantChecks {

}
