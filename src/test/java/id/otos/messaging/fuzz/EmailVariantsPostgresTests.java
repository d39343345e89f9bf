package id.otos.messaging.fuzz;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class EmailVariantsPostgresTests extends EmailVariantsChecks {

}
