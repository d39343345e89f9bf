package id.otos.messaging.accounts.web;

class StudentImportH2Tests extends StudentImportChecks {

}
