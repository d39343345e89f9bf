package id.otos.messaging.seed;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on one line, redrawn in place at most five times a second:
 * {@code [#####.....]  50% messages 100000/200000 12.3 s}, and drawn a last time, full,
 * once the step is done.
 */
final class Progress {

	private static final int WIDTH = 20;

	private final PrintStream out;

	private final long started;

	private String step = "";

	private long total;

	private int shownPercent = -1;

	private long shownAt;

	Progress(PrintStream out, long started) {
		this.out = out;
		this.started = started;
	}

	void start(String step, long total) {
		this.step = step;
		this.total = Math.max(1, total);
		this.shownPercent = -1;
		draw(0);
	}

	void update(long done) {
		int percent = (int) (done * 100 / this.total);
		if (percent != this.shownPercent && System.nanoTime() - this.shownAt >= 200_000_000L) {
			draw(done);
		}
	}

	/** The step is done, written and committed to by the database. */
	void finish() {
		draw(this.total);
		this.out.println();
	}

	private void draw(long done) {
		int percent = (int) (done * 100 / this.total);
		this.shownPercent = percent;
		this.shownAt = System.nanoTime();
		int filled = percent * WIDTH / 100;
		this.out.printf(Locale.ROOT, "\r[%s%s] %3d%% %s %d/%d %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled),
				percent, this.step, done, this.total, seconds());
		this.out.flush();
	}

	double seconds() {
		return (System.nanoTime() - this.started) / 1e9;
	}

}
