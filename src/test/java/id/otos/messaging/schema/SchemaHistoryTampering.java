package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * What goes wrong with databases in the field, done to a test database's
 * {@code flyway_schema_history}.
 */
final class SchemaHistoryTampering {

	private final DataSource dataSource;

	SchemaHistoryTampering(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A newer build applied V99 (from the future). */
	SchemaHistoryTampering applyUnknownMigration() {
		return execute("insert into flyway_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) values (99, '99', 'from the future', 'SQL',"
				+ " 'V99__from_the_future.sql', 123456, 'a newer build', 5, true)");
	}

	/** The applied V1 was a different file from this build's V1. */
	SchemaHistoryTampering changeChecksumOfV1() {
		return execute("update flyway_schema_history set checksum = checksum + 1 where version = '1'");
	}

	/** V1 failed when it was applied. */
	SchemaHistoryTampering failV1() {
		return execute("update flyway_schema_history set success = false where version = '1'");
	}

	private SchemaHistoryTampering execute(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
			return this;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tamper with the schema history: " + sql, ex);
		}
	}

}
