package id.otos.messaging.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.otos.messaging.schema.SchemaSnapshot.Column;
import id.otos.messaging.schema.SchemaSnapshot.ForeignKey;
import id.otos.messaging.schema.SchemaSnapshot.Index;
import id.otos.messaging.schema.SchemaSnapshot.Table;

/**
 * Our {@code makemigrations --check}: whether the schema the migrations build has
 * everything the entities need. Every table, column (type, varchar size, nullability),
 * foreign key and unique constraint or index that Hibernate derives from the entities
 * must be in the migrated schema. The migrated schema may have more (entities refer to
 * other aggregates by id), except a NOT NULL column without a default in a table an
 * entity writes to, which would make its inserts fail.
 */
final class EntitySchemaComparison {

	private static final Map<String, String> SERIAL_TYPES = Map.of("bigserial", "int8", "serial", "int4", "smallserial",
			"int2");

	private static final Set<String> SIZED_TYPES = Set.of("varchar", "bpchar", "char", "numeric", "decimal");

	private final EntitySchema entities;

	private final SchemaSnapshot migrated;

	private final String newMigration;

	/**
	 * @param entities what the entities need
	 * @param migrated what the migrations built
	 * @param newMigration the migration to add for a fix, e.g.
	 * {@code src/main/resources/db/migration/V2__<what>.sql}
	 */
	EntitySchemaComparison(EntitySchema entities, SchemaSnapshot migrated, String newMigration) {
		this.entities = entities;
		this.migrated = migrated;
		this.newMigration = newMigration;
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		for (Table expected : this.entities.snapshot().tables().values()) {
			Table actual = this.migrated.tables().get(expected.name());
			if (actual == null) {
				problems.add(origin(expected, List.of()) + " maps to table " + expected.name()
						+ ", but no migration creates it. Add " + this.newMigration + " that creates it.");
				continue;
			}
			problems.addAll(columnProblems(expected, actual));
			problems.addAll(foreignKeyProblems(expected, actual));
			problems.addAll(indexProblems(expected, actual));
		}
		return problems;
	}

	private List<String> columnProblems(Table expected, Table actual) {
		List<String> problems = new ArrayList<>();
		for (Column column : expected.columns().values()) {
			Column migrated = actual.columns().get(column.name());
			String where = origin(expected, List.of(column.name())) + " maps to column " + expected.name() + "."
					+ column.name() + " (" + describe(column) + ")";
			if (migrated == null) {
				problems.add(where + " but no migration creates it. Add " + this.newMigration + " that adds it.");
			}
			else if (!describe(column).equals(describe(migrated))) {
				problems.add(where + " but the migrated column is " + describe(migrated) + ". Make them agree: change"
						+ " the mapping, or add " + this.newMigration + " that alters the column.");
			}
		}
		for (Column column : actual.columns().values()) {
			if (!expected.columns().containsKey(column.name()) && !column.nullable() && !column.hasDefault()) {
				problems.add("Column " + expected.name() + "." + column.name() + " (" + describe(column)
						+ ", no default) is not mapped by " + origin(expected, List.of()).replace("Entity ", "entity ")
						+ ", so every insert through it would fail. Map the column, or add " + this.newMigration
						+ " that gives it a default or allows null.");
			}
		}
		return problems;
	}

	private List<String> foreignKeyProblems(Table expected, Table actual) {
		List<String> problems = new ArrayList<>();
		for (ForeignKey key : expected.foreignKeys()) {
			String described = expected.name() + "(" + String.join(", ", key.columns()) + ") → " + key.referencedTable()
					+ "(" + String.join(", ", key.referencedColumns()) + ")";
			List<ForeignKey> same = actual.foreignKeys()
				.stream()
				.filter((candidate) -> candidate.columns().equals(key.columns())
						&& candidate.referencedTable().equals(key.referencedTable())
						&& candidate.referencedColumns().equals(key.referencedColumns()))
				.toList();
			String origin = origin(expected, key.columns());
			if (same.isEmpty()) {
				problems.add(origin + " expects a foreign key " + described + ", but the migrated schema has none. Add "
						+ this.newMigration + " that adds it.");
			}
			else if (!"no action".equals(key.onDelete())
					&& same.stream().noneMatch((candidate) -> candidate.onDelete().equals(key.onDelete()))) {
				problems.add(origin + " expects the foreign key " + described + " on delete " + key.onDelete()
						+ ", but the migrated one is on delete " + same.get(0).onDelete() + ". Add " + this.newMigration
						+ " that recreates it on delete " + key.onDelete() + ", or change the mapping's @OnDelete.");
			}
		}
		return problems;
	}

	private List<String> indexProblems(Table expected, Table actual) {
		List<String> problems = new ArrayList<>();
		for (Index index : expected.indexes()) {
			String columns = expected.name() + "(" + String.join(", ", index.columns()) + ")";
			if (index.unique() && actual.indexes()
				.stream()
				.noneMatch((candidate) -> candidate.unique()
						&& new HashSet<>(candidate.columns()).equals(new HashSet<>(index.columns())))) {
				problems.add(origin(expected, index.columns()) + " expects a unique constraint on " + columns
						+ ", but the migrated schema has no unique constraint or unique index on exactly these"
						+ " columns. Add " + this.newMigration + " that adds it.");
			}
			if (!index.unique() && actual.indexes()
				.stream()
				.noneMatch((candidate) -> candidate.columns().size() >= index.columns().size()
						&& candidate.columns().subList(0, index.columns().size()).equals(index.columns()))) {
				problems.add(origin(expected, index.columns()) + " expects an index on " + columns
						+ ", but the migrated schema has no index that starts with these columns. Add "
						+ this.newMigration + " that creates it.");
			}
		}
		return problems;
	}

	private String origin(Table table, List<String> columns) {
		return this.entities.origin(table.name(), columns);
	}

	/** {@code varchar(50), nullable}. */
	static String describe(Column column) {
		String type = SERIAL_TYPES.getOrDefault(column.type(), column.type());
		if (SIZED_TYPES.contains(type)) {
			type += type.startsWith("num") || type.startsWith("dec") ? "(" + column.size() + "," + column.scale() + ")"
					: "(" + column.size() + ")";
		}
		return type + (column.nullable() ? ", nullable" : ", not null");
	}

}
