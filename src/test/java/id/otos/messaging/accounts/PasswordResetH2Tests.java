package id.otos.messaging.accounts;

class PasswordResetH2Tests extends PasswordResetChecks {

}
