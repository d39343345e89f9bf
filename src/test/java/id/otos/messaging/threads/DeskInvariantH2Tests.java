package id.otos.messaging.threads;

class DeskInvariantH2Tests extends DeskInvariantChecks {

}
