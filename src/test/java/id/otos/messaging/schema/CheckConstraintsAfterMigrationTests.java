package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import id.otos.messaging.schema.TestDatabase.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@code CHECK (... in (...))} constraint still decides once the connections that
 * created it (Flyway's) are closed, as they are when the pool retires them (idle timeout,
 * max lifetime): on H2 2.4.240 every insert into such a table then failed with "Check
 * constraint invalid ... the database has been closed" (h2database#4302: the constant set
 * kept the creating session's comparator), which a long-lived test context met in CI and
 * the embedded demo would meet after half an hour.
 */
class CheckConstraintsAfterMigrationTests {

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aCheckConstraintStillDecidesAfterTheMigratingConnectionsAreClosed(Engine engine) throws SQLException {
		TestDatabase database = TestDatabase.create(engine, "checks");
		TestFlyway.on(database.dataSource()).migrate();

		try (Connection later = database.dataSource().getConnection()) {
			assertThat(insertBroadcast(later, "all")).isOne();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> insertBroadcast(later, "nobody"))
				.withMessageContaining("otos_broadcast_target_kind_check")
				.satisfies((refused) -> assertThat(refused.getMessage()).doesNotContain("closed"));
		}
	}

	private static int insertBroadcast(Connection connection, String targetKind) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("insert into otos_broadcast (title, target_kind,"
				+ " recipient_count, created_at) values ('Pengumuman', ?, 0, ?)")) {
			insert.setString(1, targetKind);
			insert.setTimestamp(2, Timestamp.from(Instant.now()));
			return insert.executeUpdate();
		}
	}

}
