package id.otos.messaging.threads.web;

class InternalNotesH2Tests extends InternalNotesChecks {

}
