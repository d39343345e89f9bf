package id.otos.messaging.seed;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on one line, redrawn at most once per percent:
 * {@code [#####.....]  50% messages 100000/200000 12.3 s}.
 */
final class Progress {

	private static final int WIDTH = 20;

	private final PrintStream out;

	private final long started;

	private String step = "";

	private long total;

	private int shownPercent = -1;

	Progress(PrintStream out, long started) {
		this.out = out;
		this.started = started;
	}

	void start(String step, long total) {
		this.step = step;
		this.total = Math.max(1, total);
		this.shownPercent = -1;
		update(0);
	}

	void update(long done) {
		int percent = (int) (done * 100 / this.total);
		if (percent == this.shownPercent) {
			return;
		}
		this.shownPercent = percent;
		int filled = percent * WIDTH / 100;
		this.out.printf(Locale.ROOT, "\r[%s%s] %3d%% %s %d/%d %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled),
				percent, this.step, done, this.total, seconds());
		if (done >= this.total) {
			this.out.println();
		}
		this.out.flush();
	}

	double seconds() {
		return (System.nanoTime() - this.started) / 1e9;
	}

}
