package id.otos.messaging.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bus of several nodes sharing one PostgreSQL: {@code NOTIFY} on a channel, and on
 * every node a daemon thread that {@code LISTEN}s on a connection of its own (not one of
 * the pool's), opening a new one after a failure and then telling everyone connected to
 * fetch again, since signals sent meanwhile are lost.
 */
final class PostgresEventBus implements EventBus, SmartLifecycle {

	static final String CHANNEL = "otos_thread_signals";

	private static final Logger logger = LoggerFactory.getLogger(PostgresEventBus.class);

	private static final Duration POLL = Duration.ofSeconds(10);

	/**
	 * The longest wait between two attempts to listen again: the bus is back at most this
	 * long after the database (the issue asks for recovery within 10 s of a restart).
	 */
	static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private final JdbcClient jdbc;

	private final ListenConnections connections;

	private final SignalReceiver receiver;

	private final CountDownLatch firstListen = new CountDownLatch(1);

	private volatile boolean running;

	private volatile Connection listening;

	private Thread listener;

	PostgresEventBus(JdbcClient jdbc, ListenConnections connections, SignalReceiver receiver) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.receiver = receiver;
	}

	@Override
	public void publish(ThreadSignal signal) {
		this.jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", signal.encode())
			.query()
			.listOfRows();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.listener = new Thread(this::listen, "otos-live-listener");
		this.listener.setDaemon(true);
		this.listener.start();
		try {
			if (!this.firstListen.await(10, TimeUnit.SECONDS)) {
				logger.warn("Not yet listening for live updates on PostgreSQL; retrying in the background");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		closeQuietly(this.listening);
		if (this.listener != null) {
			try {
				this.listener.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean reconnecting = false;
		long lostAt = 0;
		long backoff = 250;
		while (this.running) {
			try (Connection connection = this.connections.open()) {
				this.listening = connection;
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				this.firstListen.countDown();
				if (reconnecting) {
					logger.info("Listening for live updates on PostgreSQL again, {} ms after the connection was lost",
							TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt));
					this.receiver.mayHaveMissedSignals();
					reconnecting = false;
				}
				backoff = 250;
				receive(connection.unwrap(PGConnection.class), connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				if (!reconnecting) {
					logger.warn("Live updates: lost the PostgreSQL listener connection ({}); reconnecting every {} ms"
							+ " at most", ex.getMessage(), MAX_BACKOFF.toMillis());
					lostAt = System.nanoTime();
				}
				else {
					logger.debug("Live updates: still no PostgreSQL listener connection ({})", ex.getMessage());
				}
				reconnecting = true;
				sleep(backoff);
				backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
			}
			finally {
				this.listening = null;
			}
		}
	}

	private void receive(PGConnection notifications, Connection connection) throws SQLException {
		while (this.running) {
			PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
			if (received == null || received.length == 0) {
				if (!connection.isValid(5)) {
					throw new SQLException("listener connection is no longer valid");
				}
				continue;
			}
			for (PGNotification notification : received) {
				try {
					this.receiver.received(ThreadSignal.decode(notification.getParameter()));
				}
				catch (IllegalArgumentException ex) {
					logger.warn("Ignored a notification on {}: {}", CHANNEL, ex.getMessage());
				}
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing only to wake the listener up
			}
		}
	}

	/** Opens the listener's own connection to the application's database. */
	@FunctionalInterface
	interface ListenConnections {

		Connection open() throws SQLException;

	}

}
