package id.otos.messaging.fuzz;

class FoundByFuzzingH2Tests extends FoundByFuzzingChecks {

}
