package id.otos.messaging;

class ApplicationH2Tests extends ApplicationChecks {

}
