package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The shape of a database schema as JDBC metadata reports it: tables, their columns,
 * foreign keys and indexes, with every name in lower case. Flyway's own history table is
 * left out.
 */
record SchemaSnapshot(Map<String, Table> tables) {

	private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

	static SchemaSnapshot read(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String catalog = connection.getCatalog();
			String schema = connection.getSchema();
			Map<String, Table> tables = new TreeMap<>();
			try (ResultSet rows = metaData.getTables(catalog, schema, "%", null)) {
				while (rows.next()) {
					String name = rows.getString("TABLE_NAME");
					if (TABLE_TYPES.contains(rows.getString("TABLE_TYPE"))
							&& !"flyway_schema_history".equalsIgnoreCase(name)) {
						tables.put(lower(name),
								new Table(lower(name), columns(metaData, catalog, schema, name),
										foreignKeys(metaData, catalog, schema, name),
										indexes(metaData, catalog, schema, name)));
					}
				}
			}
			return new SchemaSnapshot(tables);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the schema's metadata", ex);
		}
	}

	/** Each table's columns and whether they are nullable. */
	Map<String, Map<String, Boolean>> nullability() {
		Map<String, Map<String, Boolean>> nullability = new TreeMap<>();
		this.tables.forEach((name, table) -> {
			Map<String, Boolean> columns = new TreeMap<>();
			table.columns().forEach((column, shape) -> columns.put(column, shape.nullable()));
			nullability.put(name, columns);
		});
		return nullability;
	}

	private static Map<String, Column> columns(DatabaseMetaData metaData, String catalog, String schema, String table)
			throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
			while (rows.next()) {
				String name = lower(rows.getString("COLUMN_NAME"));
				boolean generated = "YES".equals(rows.getString("IS_AUTOINCREMENT"))
						|| "YES".equals(rows.getString("IS_GENERATEDCOLUMN"));
				columns.put(name,
						new Column(name, lower(rows.getString("TYPE_NAME")), rows.getInt("COLUMN_SIZE"),
								rows.getInt("DECIMAL_DIGITS"), "YES".equals(rows.getString("IS_NULLABLE")),
								generated || rows.getString("COLUMN_DEF") != null));
			}
		}
		return columns;
	}

	private static List<ForeignKey> foreignKeys(DatabaseMetaData metaData, String catalog, String schema, String table)
			throws SQLException {
		Map<String, ForeignKey> keys = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
			while (rows.next()) {
				String referencedTable = lower(rows.getString("PKTABLE_NAME"));
				String onDelete = deleteRule(rows.getShort("DELETE_RULE"));
				ForeignKey key = keys.computeIfAbsent(rows.getString("FK_NAME"),
						(name) -> new ForeignKey(new ArrayList<>(), referencedTable, new ArrayList<>(), onDelete));
				key.columns().add(lower(rows.getString("FKCOLUMN_NAME")));
				key.referencedColumns().add(lower(rows.getString("PKCOLUMN_NAME")));
			}
		}
		return keys.values().stream().map(ForeignKey::frozen).toList();
	}

	private static List<Index> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
			throws SQLException {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Map<String, Boolean> unique = new LinkedHashMap<>();
		try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				if (name != null && rows.getString("COLUMN_NAME") != null) {
					columns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(lower(rows.getString("COLUMN_NAME")));
					unique.put(name, !rows.getBoolean("NON_UNIQUE"));
				}
			}
		}
		List<Index> indexes = new ArrayList<>();
		columns.forEach((name, names) -> indexes.add(new Index(lower(name), List.copyOf(names), unique.get(name))));
		return indexes;
	}

	private static String deleteRule(short rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "cascade";
			case DatabaseMetaData.importedKeySetNull -> "set null";
			case DatabaseMetaData.importedKeySetDefault -> "set default";
			case DatabaseMetaData.importedKeyRestrict -> "restrict";
			default -> "no action";
		};
	}

	private static String lower(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

	record Table(String name, Map<String, Column> columns, List<ForeignKey> foreignKeys, List<Index> indexes) {

	}

	/** A column; {@code hasDefault} also when the database generates the value. */
	record Column(String name, String type, int size, int scale, boolean nullable, boolean hasDefault) {

	}

	/** A foreign key by what it connects, whatever its name. */
	record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns, String onDelete) {

		ForeignKey frozen() {
			return new ForeignKey(List.copyOf(this.columns), this.referencedTable, List.copyOf(this.referencedColumns),
					this.onDelete);
		}

	}

	record Index(String name, List<String> columns, boolean unique) {

	}

}
