package id.otos.messaging.notifications;

class DigestsH2Tests extends DigestsChecks {

}
