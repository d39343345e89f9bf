package id.otos.messaging.threads.web;

class ReadyAnswersH2Tests extends ReadyAnswersChecks {

}
