package id.otos.messaging.threads;

class ThreadDeskH2Tests extends ThreadDeskChecks {

}
