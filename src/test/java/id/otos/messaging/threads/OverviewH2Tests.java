package id.otos.messaging.threads;

class OverviewH2Tests extends OverviewChecks {

}
