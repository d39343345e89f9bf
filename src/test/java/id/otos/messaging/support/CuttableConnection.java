package id.otos.messaging.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bad connection between a browser and the server, for tests: a TCP relay on its own
 * port that passes everything on until it is {@link #cut()}. Cut, it still delivers what
 * the browser sends, but the server's answers never arrive: the first byte of an answer
 * closes the browser's connection instead (as a phone losing its signal after sending).
 * {@link #restore()} lets answers through again.
 */
public final class CuttableConnection implements AutoCloseable {

	private final ServerSocket listener;

	private final int serverPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger lostAnswers = new AtomicInteger();

	private volatile boolean cut;

	private CuttableConnection(int serverPort) throws IOException {
		this.serverPort = serverPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "cuttable-connection-" + this.listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A relay to the server on this machine's port. */
	public static CuttableConnection to(int serverPort) {
		try {
			return new CuttableConnection(serverPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port the browser connects to. */
	public int port() {
		return this.listener.getLocalPort();
	}

	/** From now on no answer of the server arrives. */
	public void cut() {
		this.cut = true;
	}

	/** From now on the answers arrive again. */
	public void restore() {
		this.cut = false;
	}

	/** How many answers the cut swallowed. */
	public int lostAnswers() {
		return this.lostAnswers.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket browser = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.serverPort);
				this.sockets.add(browser);
				this.sockets.add(server);
				pump(browser, server, false);
				pump(server, browser, true);
			}
			catch (IOException ex) {
				// the listener was closed, or one connection failed: the browser sees
				// that
			}
		}
	}

	private void pump(Socket from, Socket to, boolean answers) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (answers && this.cut) {
						this.lostAnswers.incrementAndGet();
						break;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other below
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "cuttable-connection-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.sockets.forEach(CuttableConnection::closeQuietly);
	}

}
