package id.otos.messaging.adoption;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an adoption did (or, in a dry run, would do): rows per table, the files imported,
 * and each file it did not import with its message or person and the reason.
 */
final class AdoptionReport {

	private final Map<String, Long> rows = new LinkedHashMap<>();

	private final List<String> listed = new ArrayList<>();

	private int filesImported;

	void count(String what, long rows) {
		this.rows.merge(what, rows, Long::sum);
	}

	void imported() {
		this.filesImported++;
	}

	void list(String item) {
		this.listed.add(item);
	}

	long rows(String what) {
		return this.rows.getOrDefault(what, 0L);
	}

	int filesImported() {
		return this.filesImported;
	}

	List<String> listed() {
		return List.copyOf(this.listed);
	}

	void print(PrintStream out, boolean dryRun, double seconds) {
		out.println(dryRun ? "Dry run: nothing was changed. The adoption would have:" : "Adopted:");
		this.rows.forEach((what, count) -> out.printf(Locale.ROOT, "  %-48s %,d%n", what, count));
		out.printf(Locale.ROOT, "  %-48s %,d%n", "files imported", this.filesImported);
		out.printf(Locale.ROOT, "  %-48s %,d%n", "files not imported (listed below)", this.listed.size());
		this.listed.forEach((item) -> out.println("  - " + item));
		out.printf(Locale.ROOT, "%s in %.1f s.%n", dryRun ? "Checked" : "Done", seconds);
	}

}
