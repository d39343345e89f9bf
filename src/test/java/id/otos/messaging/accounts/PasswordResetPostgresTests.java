package id.otos.messaging.accounts;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class PasswordResetPostgresTests extends PasswordResetChecks {

}
