package id.otos.messaging.threads;

/**
 * What a thread is about; the code is what the original stored in {@code thread_type}.
 */
public enum ThreadType implements Coded {

	/** Pertanyaan Materi: a question about a subject category, for its teachers. */
	ACADEMIC("academic"),
	/** Masalah Teknis/Aplikasi. */
	TECHNICAL("technical"),
	/** Pelaporan Masalah. */
	REPORT("report"),
	/** Umum. */
	GENERAL("general"),
	/** Informasi Admin: started by an admin or operator, never by a student. */
	INFO("info");

	private final String code;

	ThreadType(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "thread.type." + this.code;
	}

	public boolean isAcademic() {
		return this == ACADEMIC;
	}

	/** Types a student may open a thread of. */
	public boolean studentsMayOpen() {
		return this != INFO;
	}

	public static ThreadType fromCode(String code) {
		return Coded.fromCode(ThreadType.class, code);
	}

}
