package id.otos.messaging.threads;

class ReroutingH2Tests extends ReroutingChecks {

}
