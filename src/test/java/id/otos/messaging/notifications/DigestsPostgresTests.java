package id.otos.messaging.notifications;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class DigestsPostgresTests extends DigestsChecks {

}
