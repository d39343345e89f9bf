package id.otos.messaging.notifications;

/**
 * How many live-update connections this node holds, for the {@code otos.live.connections}
 * gauge; {@link LiveClients} implements it.
 */
public interface LiveConnections {

	int open();

}
