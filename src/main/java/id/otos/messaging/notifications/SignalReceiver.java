package id.otos.messaging.notifications;

/**
 * What a node does with the signals the {@link EventBus} brings.
 */
interface SignalReceiver {

	/**
	 * A thread changed, on this node or another.
	 * @param signal what happened
	 */
	void received(ThreadSignal signal);

	/**
	 * Signals may have been lost (the bus was cut off for a while): everyone connected
	 * should fetch what they show again.
	 */
	void mayHaveMissedSignals();

}
