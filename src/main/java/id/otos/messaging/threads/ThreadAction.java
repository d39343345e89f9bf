package id.otos.messaging.threads;

/**
 * Everything a person can do with a thread they may open.
 */
public enum ThreadAction {

	REPLY, CLOSE, REQUEST_CLOSE, RESOLVE, CHANGE_STATUS, ASSIGN, CLAIM, CHANGE_PRIORITY, VIEW_AUDIT,

	/** A teacher hands a thread they hold to another teacher of its category. */
	HAND_OFF,

	/** Write and read the thread's internal notes, which its student never sees. */
	NOTE

}
