package id.otos.messaging.notifications;

/**
 * How many live-update connections this node holds, for the {@code otos.live.connections}
 * gauge. The live-update registry implements it; until there is one, a bean that says 0
 * stands in ({@link OperationsMetrics}).
 */
public interface LiveConnections {

	int open();

}
