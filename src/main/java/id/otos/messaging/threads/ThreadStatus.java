package id.otos.messaging.threads;

/**
 * Where a thread stands; the code is what the original stored in {@code status}.
 */
public enum ThreadStatus implements Coded {

	/** Terbuka. */
	OPEN("open"),
	/** Menunggu Respons: a handler asked to close it, or it waits for an answer. */
	PENDING("pending"),
	/** Selesai. */
	RESOLVED("resolved"),
	/** Ditutup. */
	CLOSED("closed");

	private final String code;

	ThreadStatus(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "thread.status." + this.code;
	}

	public static ThreadStatus fromCode(String code) {
		return Coded.fromCode(ThreadStatus.class, code);
	}

}
