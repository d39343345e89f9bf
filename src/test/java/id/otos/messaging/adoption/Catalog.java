package id.otos.messaging.adoption;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog of a PostgreSQL database as text lines that compare: every table's columns
 * (type, nullability, default), constraints (with their definition) and indexes (with
 * theirs), and the sequences.
 */
final class Catalog {

	private Catalog() {
	}

	static Set<String> of(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Set<String> lines = new TreeSet<>();
		lines.addAll(jdbc.sql("""
				select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
				       || case when a.attnotnull then ' not null' else ' null' end
				       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
				       || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
				from pg_attribute a
				join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
				join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
				left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
				where a.attnum > 0 and not a.attisdropped
				""").query(String.class).list());
		lines.addAll(jdbc.sql("""
				select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
				       || case when k.condeferrable then ' deferrable' else '' end
				from pg_constraint k
				join pg_class c on c.oid = k.conrelid
				join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
				""").query(String.class).list());
		lines.addAll(jdbc.sql("""
				select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
				""").query(String.class).list());
		lines.addAll(jdbc.sql("""
				select 'sequence ' || sequencename || ' ' || data_type from pg_sequences where schemaname = 'public'
				""").query(String.class).list());
		return lines;
	}

	/** The lines about the given tables only. */
	static Set<String> about(Set<String> catalog, List<String> tables) {
		Set<String> lines = new TreeSet<>();
		for (String line : catalog) {
			for (String table : tables) {
				if (line.contains(" " + table + ".") || line.contains(" ON public." + table + " ")) {
					lines.add(line);
				}
			}
		}
		return lines;
	}

}
