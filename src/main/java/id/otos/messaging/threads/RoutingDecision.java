package id.otos.messaging.threads;

/**
 * Where routing sends a thread and why: the handler ({@code null} if nobody may take it)
 * and the reason the history shows.
 */
public record RoutingDecision(Long handlerId, RoutingReason reason) {

	static RoutingDecision nobody() {
		return new RoutingDecision(null, RoutingReason.NOBODY);
	}

}
