package id.otos.messaging.web;

class AnonymousRequestsH2Tests extends AnonymousRequestsChecks {

}
