package id.otos.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One row of the benchmark in the open workload model: virtual users arrive at a fixed rate
 * ({@code bench.rate} per second for {@code bench.duration} seconds) and each sends one request,
 * whether or not the answers before it have come back, so a slow answer queues the ones after it
 * and the percentiles include that queueing (wrk, the closed model beside it, waits for each
 * answer before sending the next). Connections are shared between the virtual users (keep-alive,
 * as a browser behind one proxy would), so the rate measures the application, not TCP set-up.
 *
 * <p>
 * System properties (bench/run.sh sets them):
 * <ul>
 * <li>{@code bench.baseUrl}: e.g. {@code http://127.0.0.1:8081}</li>
 * <li>{@code bench.name}: the row's name, used as the request's name in the report</li>
 * <li>{@code bench.path}: the GET path (for a GET row)</li>
 * <li>{@code bench.session}: the SESSION cookie of the logged-in user (empty: anonymous)</li>
 * <li>{@code bench.rate}: arrivals per second; {@code bench.duration}: seconds</li>
 * <li>{@code bench.warmup}: seconds of the same load before, under the request name
 * {@code "<bench.name> (warm-up)"}, so that the measured request's percentiles are not
 * those of the load client's own start (its JIT, its first connections); 0: none</li>
 * <li>{@code bench.replyThreads}: comma-separated thread ids: the row posts a reply to them in
 * turn (POST /messages/thread/{id}/, action=reply, a unique submission_key, {@code bench.csrf}),
 * and only a 302 counts as a success, as in the closed model</li>
 * <li>{@code bench.nonce}: makes the submission keys of this run unique</li>
 * </ul>
 * Gatling waits for every virtual user to finish, so after the run every 302 it counted must be a
 * stored message: bench/run.sh compares the two.
 */
public class RowSimulation extends Simulation {

	private static final AtomicLong SENT = new AtomicLong();

	private final String name = System.getProperty("bench.name", "request");

	private final String session = System.getProperty("bench.session", "");

	private final double rate = Double.parseDouble(System.getProperty("bench.rate", "100"));

	private final int seconds = Integer.parseInt(System.getProperty("bench.duration", "10"));

	private final int warmup = Integer.parseInt(System.getProperty("bench.warmup", "0"));

	private final String replyThreads = System.getProperty("bench.replyThreads", "");

	private final String nonce = System.getProperty("bench.nonce", Long.toString(System.nanoTime()));

	{
		HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl", "http://127.0.0.1:8081"))
			.shareConnections()
			.disableCaching()
			.disableFollowRedirect()
			.acceptHeader("*/*")
			.userAgentHeader("otos-bench-gatling");
		if (!this.session.isEmpty()) {
			protocol = protocol.header("Cookie", "SESSION=" + this.session);
		}
		ScenarioBuilder row = scenario(this.name).exec(request(this.name));
		PopulationBuilder measured = row
			.injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.seconds)));
		if (this.warmup > 0) {
			String warm = this.name + " (warm-up)";
			measured = scenario(warm).exec(request(warm))
				.injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.warmup)))
				.andThen(measured);
		}
		setUp(measured).protocols(protocol);
	}

	private HttpRequestActionBuilder request(String requestName) {
		return this.replyThreads.isEmpty() ? get(requestName) : reply(requestName);
	}

	private HttpRequestActionBuilder get(String requestName) {
		return http(requestName).get(System.getProperty("bench.path", "/actuator/health/liveness"))
			.check(status().is(200));
	}

	private HttpRequestActionBuilder reply(String requestName) {
		List<String> threads = Arrays.stream(this.replyThreads.split(",")).map(String::trim)
			.filter((id) -> !id.isEmpty())
			.toList();
		String csrf = System.getProperty("bench.csrf", "");
		return http(requestName).post((session) -> {
			long n = SENT.getAndIncrement();
			return "/messages/thread/" + threads.get((int) (n % threads.size())) + "/";
		})
			.formParam("action", "reply")
			.formParam("content", "Benchmark reply from Gatling")
			.formParam("_csrf", csrf)
			.formParam("submission_key",
					(session) -> "gatling-" + this.nonce + "-" + requestName.hashCode() + "-" + session.userId())
			.check(status().is(302));
	}

}
