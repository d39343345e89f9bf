package id.otos.messaging.notifications;

/**
 * The bus of a single node (the embedded database): signals go straight to this node's
 * receiver.
 */
final class InProcessEventBus implements EventBus {

	private final SignalReceiver receiver;

	InProcessEventBus(SignalReceiver receiver) {
		this.receiver = receiver;
	}

	@Override
	public void publish(ThreadSignal signal) {
		this.receiver.received(signal);
	}

}
