package id.otos.messaging.threads.web;

class ThreadLimitH2Tests extends ThreadLimitChecks {

}
