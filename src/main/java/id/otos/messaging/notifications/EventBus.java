package id.otos.messaging.notifications;

/**
 * Carries thread signals to every app node, this one included, each to its
 * {@link SignalReceiver}.
 */
interface EventBus {

	/**
	 * Sends the signal to every node. Called after the change committed, never inside its
	 * transaction.
	 * @param signal what happened
	 */
	void publish(ThreadSignal signal);

}
