package id.otos.messaging.questions;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class QuestionReportsPostgresTests extends QuestionReportsChecks {

}
