package id.otos.messaging.threads.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class ReadyAnswersPostgresTests extends ReadyAnswersChecks {

}
