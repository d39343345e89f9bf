package id.otos.messaging.threads;

class InboxH2Tests extends InboxChecks {

}
