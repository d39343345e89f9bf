package id.otos.messaging.seed;

/**
 * How big the generated school is: 2,000 students, 40 teachers, 20,000 threads and
 * 200,000 messages at scale 1, and that many times more at a larger scale.
 */
record SchoolSize(int students, int teachers, int threads, int messages) {

	static final int OPERATORS = 4;

	static final int ADMINS = 2;

	SchoolSize {
		if (students < 1 || teachers < 1 || threads < 1) {
			throw new IllegalArgumentException("A school needs at least one student, teacher and thread");
		}
		if (messages < threads || messages >= (1 << 30)) {
			throw new IllegalArgumentException("Between one message per thread and 2^30 messages, not " + messages);
		}
	}

	static SchoolSize scale(double scale) {
		return new SchoolSize(atLeastOne(2_000 * scale), atLeastOne(40 * scale), atLeastOne(20_000 * scale),
				atLeastOne(200_000 * scale));
	}

	int users() {
		return OPERATORS + ADMINS + this.teachers + this.students;
	}

	private static int atLeastOne(double value) {
		return (int) Math.max(1, Math.round(value));
	}

}
