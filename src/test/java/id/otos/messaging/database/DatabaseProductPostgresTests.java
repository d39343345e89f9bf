package id.otos.messaging.database;

import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseProductPostgresTests {

	@Test
	void postgresqlIsPostgresql() {
		var dataSource = TestDatabases.postgresDataSource(TestDatabases.newPostgresDatabase("database_product"));
		assertThat(DatabaseProduct.of(dataSource)).isEqualTo(DatabaseProduct.POSTGRESQL);
		assertThat(DatabaseProduct.nameOf(dataSource)).isEqualTo("PostgreSQL");
	}

}
