package id.otos.messaging.accounts;

/**
 * Sessions ended on some node, this one or another: one or more of a person's (a
 * log-out), or, for {@link #anyone()}, perhaps anyone's (signals from other nodes may
 * have been lost). Whatever a node keeps of sessions between requests must read them
 * again.
 *
 * @param personId the person, or {@code 0} for anyone
 */
public record SessionsEnded(long personId) {

	/**
	 * Anyone's sessions may have ended.
	 * @return the event
	 */
	public static SessionsEnded anyone() {
		return new SessionsEnded(0);
	}

	/**
	 * Whether it concerns anyone's sessions rather than one person's.
	 * @return whether it does
	 */
	public boolean isAnyone() {
		return this.personId == 0;
	}

}
