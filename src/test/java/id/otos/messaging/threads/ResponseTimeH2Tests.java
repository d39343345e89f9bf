package id.otos.messaging.threads;

class ResponseTimeH2Tests extends ResponseTimeChecks {

}
