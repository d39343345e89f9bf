import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live-updates load of the benchmark: opens one event stream ({@code GET
 * /messages/events/}) for each of the given students' sessions, all held open by one
 * selector thread, then has an admin post replies to the threads of a sample of them and
 * measures how long each reply's signal takes to reach the right stream, from the moment
 * its POST was sent (the conservative bound: it includes the reply's own handling and
 * commit). Heap after GC and RSS of the app are read while every stream is open; at the
 * end every stream must still be open and every expected signal must have arrived.
 *
 * <p>
 * Run with the JDK only: {@code java bench/streams/StreamLoad.java --base=URL
 * --sessions=FILE --admin=FILE --signals=300 --seconds=30 --out=PREFIX [--pid=PID]
 * [--hold=SECONDS] [--open-timeout=SECONDS] [--concurrency=N]}. Replies go to the threads of
 * streams that opened; a stream that has not opened within the open timeout counts as dropped. The session files are what {@code db sessions} prints (cookie value,
 * person id, thread id per line). Writes {@code PREFIX.tsv} (key, value lines) and
 * {@code PREFIX.md}. Exits 0 when no stream was dropped and every signal arrived, else 1.
 */
public class StreamLoad {

	static final Pattern THREAD = Pattern.compile("\"thread\":(\\d+)");

	/** How often a stream refused with 503 is tried again (after 1, 2, 3... s). */
	static final int RETRIES = 10;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		URI base = URI.create(options.get("base"));
		List<String[]> students = read(Path.of(options.get("sessions")));
		String admin = read(Path.of(options.get("admin"))).get(0)[0];
		int signals = Integer.parseInt(options.getOrDefault("signals", "300"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "128"));
		long hold = Long.parseLong(options.getOrDefault("hold", "0"));
		String pid = options.get("pid");
		String out = options.get("out");

		Streams streams = new Streams(new InetSocketAddress(base.getHost(), base.getPort()), base.getHost(),
				students, concurrency);
		Thread loop = new Thread(streams::run, "streams");
		loop.setDaemon(true);
		loop.start();
		long openStarted = System.nanoTime();
		streams.awaitOpen(Duration.ofSeconds(Long.parseLong(options.getOrDefault("open-timeout", "600"))));
		double openSeconds = (System.nanoTime() - openStarted) / 1e9;
		System.out.printf(Locale.ROOT, "opened %d of %d streams in %.1f s (%d refused or failed)%n", streams.opened(),
				students.size(), openSeconds, streams.failedToOpen.get());
		if (hold > 0) {
			System.out.println("holding " + hold + " s with every stream open");
			Thread.sleep(hold * 1000);
		}

		Results results = new Results();
		if (streams.opened() > 0) {
			post(base, admin, streams, students, signals, seconds, results);
		}
		long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (streams.arrived.size() < results.sent.get() && System.nanoTime() < waitUntil) {
			Thread.sleep(50);
		}
		Memory memory = (pid != null) ? Memory.of(pid) : new Memory(-1, -1);
		Thread.sleep(2000);
		int stillOpen = streams.stillOpen();
		int dropped = students.size() - stillOpen;
		List<Double> latencies = new ArrayList<>(streams.arrived.values());
		Collections.sort(latencies);
		Map<String, String> figures = new java.util.LinkedHashMap<>();
		figures.put("streams_opened", Integer.toString(streams.opened()));
		figures.put("streams_dropped", Integer.toString(dropped));
		figures.put("signals_sent", Integer.toString(results.sent.get()));
		figures.put("signals_received", Integer.toString(streams.arrived.size()));
		figures.put("p50_ms", ms(percentile(latencies, 0.50)));
		figures.put("p99_ms", ms(percentile(latencies, 0.99)));
		figures.put("max_ms", ms(latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1)));
		figures.put("heap_after_gc_mb", Long.toString(memory.heapAfterGcMb()));
		figures.put("rss_mb", Long.toString(memory.rssMb()));
		figures.put("open_seconds", String.format(Locale.ROOT, "%.1f", openSeconds));
		figures.put("open_refusals_retried", Integer.toString(streams.refusals.get()));
		figures.put("posts_failed", Integer.toString(results.failed.get()));
		figures.put("wrong_stream_signals", Integer.toString(streams.wrongStream.get()));
		StringBuilder tsv = new StringBuilder();
		figures.forEach((key, value) -> tsv.append(key).append('\t').append(value).append('\n'));
		Files.writeString(Path.of(out + ".tsv"), tsv);
		boolean passed = dropped == 0 && streams.opened() == students.size() && results.failed.get() == 0
				&& streams.arrived.size() == results.sent.get() && streams.wrongStream.get() == 0;
		Files.writeString(Path.of(out + ".md"), report(figures, students.size(), signals, seconds, passed));
		System.out.print(tsv);
		streams.close();
		System.exit(passed ? 0 : 1);
	}

	/**
	 * Posts {@code signals} replies as the admin, evenly over {@code seconds}, each to the
	 * thread of another sampled student, and notes when each was sent.
	 */
	static void post(URI base, String admin, Streams streams, List<String[]> students, int signals, int seconds,
			Results results) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		List<Integer> sample = new ArrayList<>();
		for (int i = 0; i < students.size(); i++) {
			if (streams.all[i] != null && streams.all[i].open && !streams.all[i].ended) {
				sample.add(i);
			}
		}
		Collections.shuffle(sample, new Random(15));
		sample = sample.subList(0, Math.min(signals, sample.size()));
		String cookie = "SESSION=" + admin;
		String firstThread = students.get(sample.get(0))[2];
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/messages/thread/" + firstThread + "/"))
			.header("Cookie", cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(page.body());
		if (page.statusCode() != 200 || !csrf.find()) {
			throw new IllegalStateException("the admin's thread page answered " + page.statusCode() + " without a form");
		}
		String token = csrf.group(1);
		long interval = TimeUnit.SECONDS.toNanos(seconds) / Math.max(1, sample.size());
		long next = System.nanoTime();
		List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
		for (int index : sample) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			next += interval;
			long thread = Long.parseLong(students.get(index)[2]);
			String form = "action=reply&content=" + URLEncoder.encode("Live load " + UUID.randomUUID(), StandardCharsets.UTF_8)
					+ "&submission_key=" + UUID.randomUUID() + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/messages/thread/" + thread + "/"))
				.header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build();
			streams.expect(thread, index);
			results.sent.incrementAndGet();
			pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				if (failure != null || response.statusCode() != 302) {
					results.failed.incrementAndGet();
					System.err.println("reply to thread " + thread + " failed: "
							+ ((failure != null) ? failure : response.statusCode()));
				}
			}));
		}
		for (var future : pending) {
			try {
				future.join();
			}
			catch (RuntimeException ex) {
				// counted above
			}
		}
	}

	static String report(Map<String, String> figures, int streams, int signals, int seconds, boolean passed) {
		StringBuilder md = new StringBuilder();
		md.append("# Live updates: ").append(streams).append(" open event streams\n\n");
		md.append(String.format(Locale.ROOT,
				"%s event streams of %s different logged-in students were opened and held open; an admin then posted"
						+ " %s replies to the threads of %d sampled students over %d s. Latency is from the moment the"
						+ " reply's POST was sent (it includes the reply's handling and commit) to the arrival of"
						+ " its signal on that student's stream.%n%n",
				figures.get("streams_opened"), streams, figures.get("signals_sent"), signals, seconds));
		md.append("| figure | value |\n|---|---|\n");
		figures.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
		md.append("\nResult: ").append(passed ? "every stream stayed open and every signal arrived"
				: "FAILED: a stream was dropped, a reply failed or a signal did not arrive").append(".\n");
		return md.toString();
	}

	static double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static String ms(double value) {
		return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.1f", value);
	}

	static List<String[]> read(Path file) throws IOException {
		return Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).map((line) -> line.split("\t")).toList();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("not an option: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		for (String required : List.of("base", "sessions", "admin", "out")) {
			if (!options.containsKey(required)) {
				throw new IllegalArgumentException("--" + required + "= is required");
			}
		}
		return options;
	}

	static final class Results {

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

	}

	/** Heap after a full GC (jcmd) and resident set size (/proc) of the app. */
	record Memory(long heapAfterGcMb, long rssMb) {

		static final Pattern USED = Pattern.compile("used (\\d+)K");

		static Memory of(String pid) throws IOException, InterruptedException {
			jcmd(pid, "GC.run");
			Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
			long heap = used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
			long rss = Files.readAllLines(Path.of("/proc", pid, "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElse(-1L);
			return new Memory(heap, rss);
		}

		static String jcmd(String pid, String command) throws IOException, InterruptedException {
			Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return output;
		}

	}

	/** Every stream, on one selector thread. */
	static final class Streams {

		final InetSocketAddress address;

		final String host;

		final List<String[]> students;

		final int concurrency;

		final Stream[] all;

		final Selector selector;

		final AtomicInteger failedToOpen = new AtomicInteger();

		final AtomicInteger wrongStream = new AtomicInteger();

		/** Streams refused with 503 (node cap, database busy), each tried again later. */
		final AtomicInteger refusals = new AtomicInteger();

		/** Index, when, attempt of the streams to try again. */
		final List<long[]> retryAt = new ArrayList<>();

		/** Thread id to the stream expected to hear of it and when its reply was sent. */
		final Map<Long, long[]> expected = new ConcurrentHashMap<>();

		/** Thread id to its signal's latency in ms. */
		final Map<Long, Double> arrived = new ConcurrentHashMap<>();

		final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

		final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		volatile int opened;

		volatile boolean closing;

		int next;

		int connecting;

		Streams(InetSocketAddress address, String host, List<String[]> students, int concurrency) throws IOException {
			this.address = address;
			this.host = host;
			this.students = students;
			this.concurrency = concurrency;
			this.all = new Stream[students.size()];
			this.selector = Selector.open();
		}

		int opened() {
			return this.opened;
		}

		void expect(long thread, int index) {
			this.expected.put(thread, new long[] { index, System.nanoTime() });
		}

		int stillOpen() {
			int open = 0;
			for (Stream stream : this.all) {
				if (stream != null && stream.open && !stream.ended) {
					open++;
				}
			}
			return open;
		}

		void awaitOpen(Duration timeout) throws InterruptedException {
			long until = System.nanoTime() + timeout.toNanos();
			long report = System.nanoTime();
			while (this.opened + this.failedToOpen.get() < this.all.length && System.nanoTime() < until) {
				// opened or given up, each stream
				Thread.sleep(100);
				if (System.nanoTime() - report > TimeUnit.SECONDS.toNanos(10)) {
					report = System.nanoTime();
					int answered = 0;
					for (Stream stream : this.all) {
						answered += (stream != null && stream.status != 0) ? 1 : 0;
					}
					System.out.printf(Locale.ROOT, "... %d open, %d answered, %d failed, %d refused and tried again%n",
							this.opened, answered, this.failedToOpen.get(), this.refusals.get());
				}
			}
		}

		void close() {
			this.closing = true;
			this.selector.wakeup();
		}

		void run() {
			try {
				while (!this.closing) {
					long now = System.nanoTime();
					for (Iterator<long[]> retries = this.retryAt.iterator(); retries.hasNext()
							&& this.connecting < this.concurrency;) {
						long[] retry = retries.next();
						if (retry[1] - now <= 0) {
							retries.remove();
							connect((int) retry[0]).attempt = (int) retry[2];
						}
					}
					while (this.connecting < this.concurrency && this.next < this.all.length) {
						connect(this.next++);
					}
					this.selector.select(200);
					Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						Stream stream = (Stream) key.attachment();
						try {
							if (key.isConnectable()) {
								stream.channel.finishConnect();
								key.interestOps(SelectionKey.OP_WRITE);
							}
							else if (key.isWritable()) {
								stream.channel.write(stream.request);
								if (!stream.request.hasRemaining()) {
									key.interestOps(SelectionKey.OP_READ);
								}
							}
							else if (key.isReadable()) {
								read(stream, key);
							}
						}
						catch (IOException ex) {
							ended(stream, key, ex.toString());
						}
					}
				}
				for (SelectionKey key : this.selector.keys()) {
					key.channel().close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Stream connect(int index) throws IOException {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			String request = "GET /messages/events/ HTTP/1.1\r\nHost: " + this.host
					+ "\r\nAccept: text/event-stream\r\nCookie: SESSION=" + this.students.get(index)[0] + "\r\n\r\n";
			Stream stream = new Stream(index, channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
			this.all[index] = stream;
			this.connecting++;
			if (channel.connect(this.address)) {
				channel.register(this.selector, SelectionKey.OP_WRITE, stream);
			}
			else {
				channel.register(this.selector, SelectionKey.OP_CONNECT, stream);
			}
			return stream;
		}

		void read(Stream stream, SelectionKey key) throws IOException {
			this.buffer.clear();
			int read = stream.channel.read(this.buffer);
			if (read < 0) {
				ended(stream, key, "closed by the server");
				return;
			}
			this.buffer.flip();
			while (this.buffer.hasRemaining()) {
				stream.take(this.buffer.get(), this);
			}
			if (stream.headersDone && stream.status != 200) {
				// a refusal (503) may keep its connection open: it is no stream
				ended(stream, key, "answered " + stream.status);
			}
		}

		void ended(Stream stream, SelectionKey key, String why) {
			key.cancel();
			try {
				stream.channel.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
			if (!stream.open && stream.status == 503 && stream.attempt < RETRIES && !this.closing) {
				// refused for now (node cap, or the database busy): the page tries again later
				this.connecting--;
				this.refusals.incrementAndGet();
				int attempt = stream.attempt + 1;
				this.retryAt.add(new long[] { stream.index, System.nanoTime() + TimeUnit.SECONDS.toNanos(attempt), attempt });
			}
			else if (!stream.open) {
				this.connecting--;
				this.failedToOpen.incrementAndGet();
				System.err.println("stream " + stream.index + " did not open: " + why + " " + stream.status);
			}
			else if (!stream.ended && !this.closing) {
				System.err.println("stream " + stream.index + " ended: " + why);
			}
			stream.ended = true;
		}

		void event(Stream stream, String name, String data) {
			if ("hello".equals(name) && !stream.open) {
				stream.open = true;
				this.connecting--;
				this.opened++;
			}
			else if ("thread".equals(name)) {
				Matcher thread = THREAD.matcher(data);
				if (!thread.find()) {
					return;
				}
				long threadId = Long.parseLong(thread.group(1));
				long[] expected = this.expected.get(threadId);
				if (expected == null) {
					return;
				}
				if (expected[0] != stream.index) {
					this.wrongStream.incrementAndGet();
					return;
				}
				this.arrived.putIfAbsent(threadId, (System.nanoTime() - expected[1]) / 1e6);
			}
			else if ("bye".equals(name)) {
				System.err.println("stream " + stream.index + " told bye: " + data);
				stream.ended = true;
			}
		}

	}

	/** One stream: the HTTP response read byte by byte, chunked or not, into SSE events. */
	static final class Stream {

		final int index;

		final SocketChannel channel;

		final ByteBuffer request;

		final StringBuilder line = new StringBuilder();

		boolean headersDone;

		boolean chunked;

		int status;

		/** -1 reading a chunk's size line, else the bytes left in the chunk. */
		long chunkLeft = -1;

		boolean skipCrlf;

		String eventName;

		String data;

		boolean open;

		boolean ended;

		int attempt;

		Stream(int index, SocketChannel channel, ByteBuffer request) {
			this.index = index;
			this.channel = channel;
			this.request = request;
		}

		void take(byte b, Streams streams) {
			if (!this.headersDone) {
				header(b);
				return;
			}
			if (!this.chunked) {
				body(b, streams);
				return;
			}
			if (this.chunkLeft > 0) {
				this.chunkLeft--;
				body(b, streams);
				if (this.chunkLeft == 0) {
					this.chunkLeft = -1;
					this.skipCrlf = true;
				}
				return;
			}
			if (b == '\n') {
				String size = this.line.toString().trim();
				this.line.setLength(0);
				if (this.skipCrlf) {
					this.skipCrlf = false;
					return;
				}
				int semicolon = size.indexOf(';');
				this.chunkLeft = Long.parseLong((semicolon < 0) ? size : size.substring(0, semicolon), 16);
				if (this.chunkLeft == 0) {
					this.ended = true;
				}
			}
			else if (b != '\r') {
				this.line.append((char) b);
			}
		}

		private void header(byte b) {
			if (b != '\n') {
				if (b != '\r') {
					this.line.append((char) b);
				}
				return;
			}
			String header = this.line.toString();
			this.line.setLength(0);
			if (this.status == 0) {
				this.status = Integer.parseInt(header.split(" ")[1]);
			}
			else if (header.isEmpty()) {
				this.headersDone = true;
			}
			else if (header.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
					&& header.toLowerCase(Locale.ROOT).contains("chunked")) {
				this.chunked = true;
			}
		}

		private StringBuilder text = new StringBuilder();

		private void body(byte b, Streams streams) {
			if (this.status != 200) {
				return;
			}
			if (b != '\n') {
				this.text.append((char) b);
				return;
			}
			String line = this.text.toString();
			this.text.setLength(0);
			if (line.startsWith("event: ")) {
				this.eventName = line.substring(7);
			}
			else if (line.startsWith("data: ")) {
				this.data = line.substring(6);
			}
			else if (line.isEmpty() && this.eventName != null) {
				streams.event(this, this.eventName, (this.data != null) ? this.data : "");
				this.eventName = null;
				this.data = null;
			}
		}

	}

}
