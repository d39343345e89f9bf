package id.otos.messaging;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class ApplicationPostgresTests extends ApplicationChecks {

}
