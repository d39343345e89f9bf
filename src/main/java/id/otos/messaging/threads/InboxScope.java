package id.otos.messaging.threads;

/**
 * Where the inbox of a person who answers threads looks: their desk, or every thread they
 * may open ({@link DeskQuery#openable}).
 */
public enum InboxScope implements Coded {

	DESK("desk"), ALL("all");

	private final String code;

	InboxScope(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "inbox.scope." + this.code;
	}

	public static InboxScope fromCode(String code) {
		return Coded.fromCode(InboxScope.class, code);
	}

}
