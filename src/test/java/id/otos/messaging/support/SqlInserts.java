package id.otos.messaging.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table in a {@code pg_dump --inserts --column-inserts} file: each
 * {@code INSERT INTO public.
 *
<table>
 *  (<columns>) VALUES (<values>);} as a map from column to value. Values are SQL literals
 * as pg_dump writes them: {@code NULL}, {@code true} and {@code false}, numbers, and
 * {@code '...'} strings with {@code ''} for a quote (standard conforming strings, so no
 * backslash escapes), possibly over several lines.
 */
final class SqlInserts {

	private SqlInserts() {
	}

	static List<Map<String, Object>> rows(String dump, String table) {
		String start = "INSERT INTO public." + table + " (";
		List<Map<String, Object>> rows = new ArrayList<>();
		int at = dump.indexOf(start);
		while (at >= 0) {
			int columnsEnd = dump.indexOf(')', at + start.length());
			List<String> columns = List.of(dump.substring(at + start.length(), columnsEnd).split(",\\s*"));
			String values = " VALUES (";
			if (!dump.startsWith(values, columnsEnd + 1)) {
				throw new IllegalArgumentException("Not an INSERT pg_dump writes at offset " + at);
			}
			Parsed parsed = values(dump, columnsEnd + 1 + values.length());
			if (parsed.values().size() != columns.size()) {
				throw new IllegalArgumentException(
						table + ": " + columns.size() + " columns but " + parsed.values().size() + " values");
			}
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				row.put(columns.get(i), parsed.values().get(i));
			}
			rows.add(Collections.unmodifiableMap(row));
			at = dump.indexOf(start, parsed.end());
		}
		return rows;
	}

	/** The literals from {@code from} up to the closing parenthesis. */
	private static Parsed values(String dump, int from) {
		List<Object> values = new ArrayList<>();
		int i = from;
		while (true) {
			char c = dump.charAt(i);
			if (c == '\'') {
				StringBuilder text = new StringBuilder();
				i++;
				while (true) {
					char d = dump.charAt(i);
					if (d == '\'' && i + 1 < dump.length() && dump.charAt(i + 1) == '\'') {
						text.append('\'');
						i += 2;
					}
					else if (d == '\'') {
						i++;
						break;
					}
					else {
						text.append(d);
						i++;
					}
				}
				values.add(text.toString());
			}
			else {
				int end = i;
				while (dump.charAt(end) != ',' && dump.charAt(end) != ')') {
					end++;
				}
				values.add(literal(dump.substring(i, end).trim()));
				i = end;
			}
			char separator = dump.charAt(i);
			i++;
			if (separator == ')') {
				return new Parsed(values, i);
			}
			while (dump.charAt(i) == ' ') {
				i++;
			}
		}
	}

	private static Object literal(String text) {
		return switch (text) {
			case "NULL" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> new BigDecimal(text);
		};
	}

	private record Parsed(List<Object> values, int end) {

	}

}
