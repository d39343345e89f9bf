package id.otos.messaging.threads;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class ResponseTimePostgresTests extends ResponseTimeChecks {

}
