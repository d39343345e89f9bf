package id.otos.messaging.web;

class DjangoLogInH2Tests extends DjangoLogInChecks {

}
