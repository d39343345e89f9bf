package id.otos.messaging.accounts;

class AccountsH2Tests extends AccountsChecks {

}
