package id.otos.messaging.database;

import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseProductTests {

	@Test
	void theDriversNamesAreTheProducts() {
		assertThat(DatabaseProduct.named("PostgreSQL")).isEqualTo(DatabaseProduct.POSTGRESQL);
		assertThat(DatabaseProduct.named("H2")).isEqualTo(DatabaseProduct.H2);
		assertThat(DatabaseProduct.named("MySQL")).isEqualTo(DatabaseProduct.OTHER);
		assertThat(DatabaseProduct.named(null)).isEqualTo(DatabaseProduct.OTHER);
	}

	@Test
	void theEmbeddedDatabaseIsH2() {
		var dataSource = TestDatabases.h2DataSource(TestDatabases.newH2Url("database_product"));
		assertThat(DatabaseProduct.of(dataSource)).isEqualTo(DatabaseProduct.H2);
		assertThat(DatabaseProduct.nameOf(dataSource)).isEqualTo("H2");
	}

	@Test
	void aDatabaseThatCannotBeReachedIsSaidSo() {
		var nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1", "x", "y");
		assertThatIllegalStateException().isThrownBy(() -> DatabaseProduct.of(nowhere))
			.withMessageStartingWith("Cannot tell which database this is");
	}

}
