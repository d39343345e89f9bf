package id.otos.messaging.categories;

import id.otos.messaging.support.PostgresTest;

@PostgresTest
class CategoriesPostgresTests extends CategoriesChecks {

}
