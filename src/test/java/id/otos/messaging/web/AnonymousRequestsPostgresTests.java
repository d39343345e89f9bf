package id.otos.messaging.web;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class AnonymousRequestsPostgresTests extends AnonymousRequestsChecks {

}
