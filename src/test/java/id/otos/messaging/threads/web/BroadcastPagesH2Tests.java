package id.otos.messaging.threads.web;

class BroadcastPagesH2Tests extends BroadcastPagesChecks {

}
