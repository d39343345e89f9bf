package id.otos.messaging.threads;

class StaffSearchH2Tests extends StaffSearchChecks {

}
