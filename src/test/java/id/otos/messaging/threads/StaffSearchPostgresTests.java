package id.otos.messaging.threads;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class StaffSearchPostgresTests extends StaffSearchChecks {

}
