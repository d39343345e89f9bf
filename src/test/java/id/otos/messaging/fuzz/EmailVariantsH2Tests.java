package id.otos.messaging.fuzz;

class EmailVariantsH2Tests extends EmailVariantsChecks {

}
