package id.otos.messaging.threads;

class UnreadInvariantH2Tests extends UnreadInvariantChecks {

}
