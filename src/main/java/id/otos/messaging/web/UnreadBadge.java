package id.otos.messaging.web;

import java.util.function.LongSupplier;

/**
 * The navigation's unread count, asked of the database only if a page shows it, and once.
 */
public final class UnreadBadge {

	private final LongSupplier source;

	private Long count;

	UnreadBadge(LongSupplier source) {
		this.source = source;
	}

	public long count() {
		if (this.count == null) {
			this.count = this.source.getAsLong();
		}
		return this.count;
	}

}
