package id.otos.messaging.fuzz;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class FoundByFuzzingPostgresTests extends FoundByFuzzingChecks {

}
