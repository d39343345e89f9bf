package id.otos.messaging.questions;

class QuestionReportsH2Tests extends QuestionReportsChecks {

}
