package id.otos.messaging.threads.web;

class AuthorizationMatrixH2Tests extends AuthorizationMatrixChecks {

}
