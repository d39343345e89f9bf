package id.otos.messaging.threads.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class ThreadLimitPostgresTests extends ThreadLimitChecks {

}
