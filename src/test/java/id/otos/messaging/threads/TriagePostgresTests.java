package id.otos.messaging.threads;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class TriagePostgresTests extends TriageChecks {

}
