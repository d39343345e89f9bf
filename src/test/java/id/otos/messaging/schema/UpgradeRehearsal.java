package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Migrates a database version by version, inserting the rows of
 * {@code <data>/after_V<n>.sql} after version {@code n} where that fixture exists, and
 * notes every table that ends up with fewer rows than it had before: data a migration
 * lost.
 */
final class UpgradeRehearsal {

	private final String migrations;

	private final String data;

	/**
	 * @param migrations the classpath folder of the migrations
	 * @param data the classpath folder of the data fixtures
	 */
	UpgradeRehearsal(String migrations, String data) {
		this.migrations = migrations;
		this.data = data;
	}

	Result run(DataSource dataSource, int highestVersion) throws SQLException {
		Map<String, Long> most = new TreeMap<>();
		Map<String, Integer> mostAt = new TreeMap<>();
		List<String> losses = new ArrayList<>();
		int fixtures = 0;
		for (int version = 1; version <= highestVersion; version++) {
			flyway(dataSource, String.valueOf(version)).migrate();
			Map<String, Long> counts = rowCounts(dataSource);
			for (Map.Entry<String, Long> before : most.entrySet()) {
				long now = counts.getOrDefault(before.getKey(), -1L);
				if (now < before.getValue()) {
					losses.add("after V" + version + " table " + before.getKey() + " "
							+ ((now < 0) ? "is gone" : "has " + now + " rows") + ", but it had " + before.getValue()
							+ " rows after V" + mostAt.get(before.getKey()) + " (and its data fixture): a migration"
							+ " lost data. Migrations must carry existing rows over.");
				}
			}
			ClassPathResource fixture = new ClassPathResource(this.data + "/after_V" + version + ".sql");
			if (fixture.exists()) {
				try (Connection connection = dataSource.getConnection()) {
					ScriptUtils.executeSqlScript(connection, fixture);
				}
				fixtures++;
				counts = rowCounts(dataSource);
			}
			for (Map.Entry<String, Long> count : counts.entrySet()) {
				if (count.getValue() >= most.getOrDefault(count.getKey(), 0L)) {
					most.put(count.getKey(), count.getValue());
					mostAt.put(count.getKey(), version);
				}
			}
		}
		return new Result(fixtures, most, losses);
	}

	Flyway flyway(DataSource dataSource, String target) {
		return flyway(dataSource).target(target).load();
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
		return MigrationPolicy
			.apply(Flyway.configure().dataSource(dataSource).locations("classpath:" + this.migrations));
	}

	private static Map<String, Long> rowCounts(DataSource dataSource) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : SchemaSnapshot.read(dataSource).tables().keySet()) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select count(*) from " + table)) {
				result.next();
				counts.put(table, result.getLong(1));
			}
		}
		return counts;
	}

	/**
	 * @param fixtures how many data fixtures ran
	 * @param mostRows the most rows each table ever had
	 * @param losses what was lost, one message per table and version
	 */
	record Result(int fixtures, Map<String, Long> mostRows, List<String> losses) {

	}

}
