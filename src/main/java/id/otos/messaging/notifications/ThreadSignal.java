package id.otos.messaging.notifications;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import id.otos.messaging.threads.DeskHolders;

/**
 * That something happened to a thread: which thread, what kind of change, the new message
 * (or internal note) if there is one ({@code 0} otherwise), and whose count it concerns:
 * the thread's student for a message or a change, the reader for a read ({@code 0} if not
 * known, or for a note, which concerns staff only), and for a message whose desks held
 * its thread ({@code null} if not known: every handler's count is then forgotten). Ids
 * only, so it fits a PostgreSQL notification and tells nobody anything they could not
 * fetch with their own rights.
 */
record ThreadSignal(long threadId, Kind kind, long messageId, long personId, DeskHolders desks, boolean desksStayed) {

	/**
	 * Among the shared desks of a signal's holders: the message left its thread on the
	 * same desks. No desk has this key, so a node from before it moves a desk's stamp
	 * nobody reads, and counts as it did.
	 */
	static final long DESKS_STAYED = -3;

	ThreadSignal(long threadId, Kind kind, long messageId, long personId) {
		this(threadId, kind, messageId, personId, null, false);
	}

	/** A message in a thread whose holders are not known. */
	static ThreadSignal messagePosted(long threadId, long messageId, long studentId) {
		return new ThreadSignal(threadId, Kind.MESSAGE, messageId, studentId);
	}

	/**
	 * A message in a thread these desks held or hold (the student's among them), and
	 * whether it left the thread on the same desks.
	 */
	static ThreadSignal messagePosted(long threadId, long messageId, DeskHolders desks, boolean desksStayed) {
		return new ThreadSignal(threadId, Kind.MESSAGE, messageId, desks.studentId(), desks, desksStayed);
	}

	static ThreadSignal threadChanged(long threadId, long studentId) {
		return new ThreadSignal(threadId, Kind.CHANGED, 0, studentId);
	}

	/**
	 * An internal note: only for the browsers of those who read the thread's notes, and
	 * it concerns no student's count.
	 */
	static ThreadSignal notePosted(long threadId, long noteId) {
		return new ThreadSignal(threadId, Kind.NOTE, noteId, 0);
	}

	static ThreadSignal read(long threadId, long readerId, long messageId) {
		return new ThreadSignal(threadId, Kind.READ, messageId, readerId);
	}

	static ThreadSignal accountChanged(long userId) {
		return new ThreadSignal(0, Kind.ACCOUNT, 0, userId);
	}

	static ThreadSignal sessionEnded(long userId) {
		return new ThreadSignal(0, Kind.SESSION, 0, userId);
	}

	/**
	 * Whether the browsers of those who may open the thread should hear of it (a note:
	 * only those of them who read its notes, {@link #isForNoteReadersOnly()}).
	 */
	boolean isForBrowsers() {
		return this.kind == Kind.MESSAGE || this.kind == Kind.CHANGED || this.kind == Kind.NOTE;
	}

	/** Whether only those who read the thread's internal notes may hear of it. */
	boolean isForNoteReadersOnly() {
		return this.kind == Kind.NOTE;
	}

	/**
	 * Whether the person's sessions may have ended (an account change or a log-out), so
	 * that their streams should be checked against them.
	 */
	boolean isAboutSessions() {
		return this.kind == Kind.ACCOUNT || this.kind == Kind.SESSION;
	}

	/**
	 * As a notification's payload: {@code threadId:kind:messageId:personId}, and
	 * {@code :desks} ({@link DeskHolders#encode}) when they are known.
	 */
	String encode() {
		String signal = this.threadId + ":" + this.kind.code() + ":" + this.messageId + ":" + this.personId;
		if (this.desks == null) {
			return signal;
		}
		DeskHolders told = this.desksStayed
				? this.desks.and(new DeskHolders(this.desks.studentId(), Set.of(), Set.of(DESKS_STAYED))) : this.desks;
		return signal + ":" + told.encode();
	}

	/**
	 * The signal a payload of {@link #encode()} carries. A payload of a node from before
	 * the person was sent ({@code threadId:kind:messageId}) reads with person 0, one from
	 * before the desks were sent with desks not known.
	 * @param payload the payload
	 * @return the signal
	 * @throws IllegalArgumentException if the payload is not one
	 */
	static ThreadSignal decode(String payload) {
		String[] parts = String.valueOf(payload).split(":");
		if (parts.length < 3 || parts.length > 5) {
			throw new IllegalArgumentException("Not a thread signal: " + payload);
		}
		try {
			long threadId = Long.parseLong(parts[0]);
			Kind kind = Kind.of(parts[1]);
			long messageId = Long.parseLong(parts[2]);
			long personId = (parts.length >= 4) ? Long.parseLong(parts[3]) : 0;
			if (parts.length < 5) {
				return new ThreadSignal(threadId, kind, messageId, personId);
			}
			DeskHolders told = DeskHolders.decode(parts[4]);
			Set<Long> shared = new HashSet<>(told.sharedDesks());
			boolean stayed = shared.remove(DESKS_STAYED);
			return new ThreadSignal(threadId, kind, messageId, personId,
					new DeskHolders(told.studentId(), told.handlerIds(), shared), stayed);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a thread signal: " + payload, ex);
		}
	}

	/** As the browser receives it (the event's data). */
	String json() {
		return "{\"thread\":" + this.threadId + ",\"kind\":\"" + this.kind.code() + "\",\"message\":" + this.messageId
				+ "}";
	}

	enum Kind {

		/** A message was posted. */
		MESSAGE,

		/** Status, assignment or priority changed. */
		CHANGED,

		/** Someone read further: only their own unread count changed. */
		READ,

		/** Not about a thread: the person's account changed (thread 0). */
		ACCOUNT,

		/**
		 * Not about a thread: one of the person's sessions ended (a log-out; thread 0). A
		 * node from before this kind ignores it with a warning.
		 */
		SESSION,

		/**
		 * Staff wrote an internal note (its id as the message): told only to those who
		 * read the thread's notes, never to its student. A node from before this kind
		 * ignores it with a warning.
		 */
		NOTE;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Not a signal kind: " + code);
		}

	}

}
