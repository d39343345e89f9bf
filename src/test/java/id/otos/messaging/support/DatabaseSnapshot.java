package id.otos.messaging.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every application table, reduced in one SQL statement to a row count and
 * an order-independent sum of per-row hashes per table: cheap enough to take before and
 * after each of thousands of requests, and it changes when any row is inserted, deleted
 * or has any column changed. Binary columns (stored files and pictures) count by their
 * length, which keeps the statement cheap; stored files are never changed in place. Left
 * out: Flyway's history and Spring Session's tables (a refused request may still start a
 * session, which is not data of the application).
 */
public final class DatabaseSnapshot {

	private static final List<String> LEFT_OUT = List.of("flyway_schema_history", "spring_session",
			"spring_session_attributes");

	private final JdbcClient jdbc;

	private final String sql;

	private DatabaseSnapshot(JdbcClient jdbc, String sql) {
		this.jdbc = jdbc;
		this.sql = sql;
	}

	public static DatabaseSnapshot of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			boolean postgres = metaData.getDatabaseProductName().toLowerCase().contains("postgres");
			Map<String, List<String>> tables = new TreeMap<>();
			try (ResultSet columns = metaData.getColumns(null, "public", "%", "%")) {
				while (columns.next()) {
					String table = columns.getString("TABLE_NAME").toLowerCase();
					if (LEFT_OUT.contains(table)) {
						continue;
					}
					String column = columns.getString("COLUMN_NAME").toLowerCase();
					String type = columns.getString("TYPE_NAME").toLowerCase();
					tables.computeIfAbsent(table, (name) -> new ArrayList<>()).add(expression(column, type));
				}
			}
			if (tables.isEmpty()) {
				throw new IllegalStateException("no application tables found");
			}
			List<String> parts = new ArrayList<>();
			tables.forEach((table, columns) -> {
				String row = "concat_ws('|', " + String.join(", ", columns) + ")";
				String hash = postgres ? "hashtextextended(" + row + ", 0)" : "ora_hash(" + row + ")";
				parts.add("select '" + table + "' as t, count(*) as n, coalesce(sum(cast(" + hash
						+ " as numeric(30, 0))), 0) as h from " + table);
			});
			return new DatabaseSnapshot(JdbcClient.create(dataSource), String.join("\nunion all\n", parts));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String expression(String name, String type) {
		String column = '"' + name + '"';
		if (type.contains("binary") || type.contains("blob") || type.contains("bytea")) {
			return "coalesce(cast(octet_length(" + column + ") as varchar), '~')";
		}
		return "coalesce(cast(" + column + " as varchar), '~')";
	}

	/** Per table, its row count and the sum of its rows' hashes. */
	public State take() {
		Map<String, String> tables = new LinkedHashMap<>();
		this.jdbc.sql(this.sql)
			.query((rs, i) -> tables.put(rs.getString("t"), rs.getLong("n") + "/" + rs.getBigDecimal("h")))
			.list();
		return new State(new TreeMap<>(tables));
	}

	public record State(Map<String, String> tables) {

		/** The tables whose rows differ, with before and after. */
		public String differenceTo(State after) {
			StringBuilder difference = new StringBuilder();
			this.tables.forEach((table, rows) -> {
				if (!Objects.equals(rows, after.tables.get(table))) {
					difference.append(table)
						.append(": ")
						.append(rows)
						.append(" -> ")
						.append(after.tables.get(table))
						.append("; ");
				}
			});
			return difference.toString();
		}

	}

}
