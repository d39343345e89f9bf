package id.otos.messaging.accounts;

class LastAdminRaceH2Tests extends LastAdminRaceChecks {

}
