package id.otos.messaging.threads;

class TriageH2Tests extends TriageChecks {

}
