package id.otos.messaging.threads;

class UnreadCountNarrowingH2Tests extends UnreadCountNarrowingChecks {

}
