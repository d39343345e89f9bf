package id.otos.messaging.schema;

import java.util.List;

import javax.sql.DataSource;

import id.otos.messaging.support.PostgresTest;
import id.otos.messaging.support.TestDatabases;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL-only repeatable migration
 * {@code db/vendor/postgresql/R__search_indexes.sql}: where pg_trgm may be created, staff
 * search gets its trigram indexes; where it may not, the migration still succeeds (search
 * only reads more), so an optional index never stops a school's start.
 */
@PostgresTest
class SearchIndexesPostgresTests {

	private static final String[] LOCATIONS = { "classpath:" + MigrationSource.CLASSPATH_FOLDER,
			"classpath:db/vendor/postgresql" };

	@Test
	void theDatabasesOwnerGetsTrigramIndexesForTitlesAndMessages() {
		DataSource owner = TestDatabases.postgresDataSource(TestDatabases.newPostgresDatabase("trigram"));

		MigrateResult result = TestFlyway.configure(owner).locations(LOCATIONS).load().migrate();

		assertThat(result.success).isTrue();
		assertThat(trigramIndexes(owner)).containsExactly("otosapp_message_content_trgm_idx",
				"otosapp_messagethread_title_trgm_idx");
	}

	@Test
	void aUserWhoMayNotCreateTheExtensionStillMigratesWithoutTheIndexes() {
		String database = TestDatabases.newPostgresDatabase("no_trigram");
		JdbcClient superuser = JdbcClient.create(TestDatabases.postgresDataSource(database));
		superuser.sql("drop role if exists otos_no_extensions").update();
		superuser.sql("create role otos_no_extensions login password 'secret'").update();
		superuser.sql("grant all on schema public to otos_no_extensions").update();
		PGSimpleDataSource limited = new PGSimpleDataSource();
		limited.setURL(TestDatabases.postgresUrl(database));
		limited.setUser("otos_no_extensions");
		limited.setPassword("secret");

		MigrateResult result = TestFlyway.configure(limited).locations(LOCATIONS).load().migrate();

		assertThat(result.success).isTrue();
		assertThat(result.migrations).extracting((migration) -> migration.description).contains("search indexes");
		assertThat(trigramIndexes(limited)).isEmpty();
		assertThat(
				superuser.sql("select count(*) from pg_extension where extname = 'pg_trgm'").query(Long.class).single())
			.isZero();
		superuser.sql("reassign owned by otos_no_extensions to postgres").update();
		superuser.sql("drop owned by otos_no_extensions").update();
		superuser.sql("drop role otos_no_extensions").update();
	}

	private static List<String> trigramIndexes(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("select indexname from pg_indexes where indexdef like '%gin_trgm_ops%' order by indexname")
			.query(String.class)
			.list();
	}

}
