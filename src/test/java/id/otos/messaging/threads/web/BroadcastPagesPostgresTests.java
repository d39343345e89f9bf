package id.otos.messaging.threads.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class BroadcastPagesPostgresTests extends BroadcastPagesChecks {

}
