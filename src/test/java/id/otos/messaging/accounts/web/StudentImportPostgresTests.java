package id.otos.messaging.accounts.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class StudentImportPostgresTests extends StudentImportChecks {

}
