package id.otos.messaging.threads;

/**
 * The inbox's order: newest activity first, or most urgent first (overdue threads, then
 * by priority from urgent to low, then whoever has waited longest, then newest activity).
 */
public enum InboxOrder implements Coded {

	ACTIVITY("activity"), URGENCY("urgency");

	private final String code;

	InboxOrder(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "inbox.order." + this.code;
	}

	public static InboxOrder fromCode(String code) {
		return Coded.fromCode(InboxOrder.class, code);
	}

}
