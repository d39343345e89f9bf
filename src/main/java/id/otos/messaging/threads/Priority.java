package id.otos.messaging.threads;

/**
 * How urgent a thread is; the code is what the original stored in {@code priority}.
 */
public enum Priority implements Coded {

	LOW("low"), NORMAL("normal"), HIGH("high"), URGENT("urgent");

	private final String code;

	Priority(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "thread.priority." + this.code;
	}

	public static Priority fromCode(String code) {
		return Coded.fromCode(Priority.class, code);
	}

}
