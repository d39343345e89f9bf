package id.otos.messaging.fuzz;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import id.otos.messaging.fuzz.Call.Who;
import id.otos.messaging.fuzz.Endpoints.Endpoint;
import id.otos.messaging.support.DatabaseSnapshot;
import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The hostile-input harness (SECURITY.md, "Hostile input"): generated requests to every
 * form and API, as every role and as nobody, through the whole application (MockMvc on
 * the full context, the real database). For every request: no 5xx; a refused request
 * (4xx, a form shown again with errors, a redirect with an error notice, the log-in page)
 * says why in the user's language (Indonesian by default, English by header, parameter or
 * cookie) in one of the application's own messages; and it changes no row of any
 * application table. Where the application answers with an error status and no body, the
 * error page is rendered as the servlet container would (its error dispatch to
 * {@code /error}), and checked the same way. {@code -Dotos.fuzz.requests-per-endpoint=N}
 * and {@code -Dotos.fuzz.seed=S} make a longer or a repeated run.
 */
@SpringBootTest(properties = { "otos.messages.threads-per-hour=1000000",
		"logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR",
		// a mail server (never asked: the outbox is not sent) for the password links and
		// the import
		"spring.mail.host=127.0.0.1", "otos.notifications.enabled=false" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
abstract class HostileInputChecks {

	private static final Pattern SHOWN_ERROR = Pattern
		.compile("<p\\b[^>]*class=\"(?:field-error|alert error)\"[^>]*>(.*?)</p>", Pattern.DOTALL);

	/**
	 * A question the page asks before it changes anything (the broadcast's "this will
	 * send N threads to N students"): a clear answer that must have changed nothing.
	 */
	private static final Pattern CONFIRM_QUESTION = Pattern
		.compile("<p\\b[^>]*class=\"confirm-question\"[^>]*>(.*?)</p>", Pattern.DOTALL);

	private static final Pattern HEADING = Pattern.compile("<h1\\b[^>]*>(.*?)</h1>", Pattern.DOTALL);

	private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");

	/**
	 * The seed of a run in the test suite: the same requests every time, so the suite
	 * fails only when the code does. {@code -Dotos.fuzz.seed=random} asks for new ones.
	 */
	static final long SEED = 20261124L;

	static long SNAPSHOT_NANOS;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	private final Map<Who, UserDetails> people = new EnumMap<>(Who.class);

	private String otherSessionsToken;

	/** How many requests per endpoint a run of the test suite sends. */
	abstract int requestsPerEndpoint();

	@Test
	void hostileRequestsGetNoServerErrorAClearMessageInTheUsersLanguageAndChangeNothing() throws Exception {
		String seedProperty = System.getProperty("otos.fuzz.seed", String.valueOf(SEED));
		long seed = "random".equals(seedProperty) ? new SecureRandom().nextLong() : Long.parseLong(seedProperty);
		int perEndpoint = Integer.getInteger("otos.fuzz.requests-per-endpoint", requestsPerEndpoint());
		System.out.printf("hostile input: seed %d (repeat with -Dotos.fuzz.seed=%d), %d requests per endpoint%n", seed,
				seed, perEndpoint);
		Fixtures fixtures = Fixtures.create(this.mvc, this.jdbc, this.users);
		for (Who who : Who.values()) {
			if (who.email != null) {
				this.people.put(who, this.users.loadUserByUsername(who.email));
			}
		}
		this.otherSessionsToken = csrfTokenOfAnotherSession();
		Result result = fuzz(new Hostile(seed), new Endpoints(fixtures).all(), perEndpoint);
		System.out.print(result.summary());
		System.out.printf("hostile input: the database snapshots took %d ms%n", SNAPSHOT_NANOS / 1_000_000);
		assertThat(result.problems).as("problems (seed %d); %s", seed, result.totals()).isEmpty();
		assertThat(result.requests).isEqualTo(new Endpoints(fixtures).all()
			.stream()
			.mapToInt((endpoint) -> (perEndpoint + endpoint.every() - 1) / endpoint.every())
			.sum());
	}

	Result fuzz(Hostile hostile, List<Endpoint> endpoints, int perEndpoint) throws Exception {
		Result result = new Result();
		DatabaseSnapshot snapshots = DatabaseSnapshot.of(this.dataSource);
		DatabaseSnapshot.State before = snapshots.take();
		for (int round = 0; round < perEndpoint; round++) {
			for (Endpoint endpoint : endpoints) {
				if (round % endpoint.every() != 0) {
					continue;
				}
				Who who = hostile.chance(0.05) ? Who.ANONYMOUS : hostile.oneOf(endpoint.senders());
				Call call = endpoint.generator().apply(hostile, who);
				long start = System.nanoTime();
				Sent sent = send(call, hostile, snapshots);
				String changed = before.differenceTo(sent.after);
				result.count(endpoint.name(), sent, call, changed, System.nanoTime() - start);
				// a request followed to show its message may have moved a read position
				before = (sent.followed != null) ? snapshots.take() : sent.after;
			}
		}
		return result;
	}

	/** Sends the call, altered at random the ways a forged or broken request would be. */
	private Sent send(Call call, Hostile h, DatabaseSnapshot snapshots) {
		Sent sent = new Sent(call);
		if (h.chance(0.03) && !call.path.startsWith("/messages/events")) {
			String wrong = h.oneOf("PUT", "DELETE", "PATCH", call.isPost() ? "GET" : "POST");
			if (!"GET".equals(wrong) && !"POST".equals(wrong)) {
				call.refusedWhen(true, "no page answers " + wrong);
			}
			else {
				// another page may well answer it: only the log-in still decides
				call.mustBeRefusedBecause = null;
				call.refusedWhen(call.who == Who.ANONYMOUS && !call.path.equals("/login")
						&& !call.path.startsWith("/login/") && !call.path.equals("/logout"), "nobody is logged in");
			}
			call.method = wrong;
		}
		if (!call.params.isEmpty() && h.chance(0.05)) {
			String name = h.oneOf(new ArrayList<>(call.params.keySet()));
			call.params.add(name, h.text());
		}
		if (h.chance(0.03)) {
			call.params.add(h.chance(0.5) ? h.odd(h.between(1, 4)) : "_method", h.text());
		}
		sent.language = UserLanguage.INDONESIAN;
		switch (h.between(0, 19)) {
			case 0, 1 -> sent.headers.put("Accept-Language", "id-ID,id;q=0.9");
			case 2, 3, 4 -> {
				sent.headers.put("Accept-Language", "en-US,en;q=0.9");
				sent.language = UserLanguage.ENGLISH;
			}
			case 5, 6 -> {
				call.params.add("lang", "en");
				sent.language = UserLanguage.ENGLISH;
			}
			case 7 -> {
				sent.cookie = new Cookie("otos_lang", "en");
				sent.language = UserLanguage.ENGLISH;
			}
			default -> {
			}
		}
		if (!"GET".equals(call.method)) {
			sent.csrf = switch (h.between(0, 19)) {
				case 0 -> "missing";
				case 1 -> "forged";
				case 2 -> "another session's";
				default -> "valid";
			};
			call.refusedWhen(!"valid".equals(sent.csrf), "its CSRF token is " + sent.csrf);
		}
		sent.address = h.chance(0.5) ? "127.0.0.1" : "10.0." + h.between(0, 255) + "." + h.between(1, 254);
		try {
			sent.result = this.mvc.perform(build(call, sent)).andReturn();
			long snapshot = System.nanoTime();
			sent.after = snapshots.take();
			SNAPSHOT_NANOS += System.nanoTime() - snapshot;
			judge(sent);
		}
		catch (Exception ex) {
			sent.status = 500;
			sent.problem = "threw " + ex;
		}
		if (sent.after == null) {
			sent.after = snapshots.take();
		}
		return sent;
	}

	private AbstractMockHttpServletRequestBuilder<?> build(Call call, Sent sent) {
		HttpMethod method = HttpMethod.valueOf(call.method);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (call.multipart && !"GET".equals(call.method)) {
			MockMultipartHttpServletRequestBuilder upload = multipart(method, call.path, call.pathValues.toArray());
			call.files.forEach(upload::file);
			request = upload;
		}
		else {
			request = request(method, call.path, call.pathValues.toArray());
		}
		call.params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		request.header("Accept", call.accept);
		if (call.body != null) {
			request.contentType(call.contentType).content(call.body);
		}
		if ("valid".equals(sent.csrf)) {
			request.with(csrf());
		}
		else if ("forged".equals(sent.csrf)) {
			request.with(csrf().useInvalidToken());
		}
		else if ("another session's".equals(sent.csrf)) {
			request.param("_csrf", this.otherSessionsToken);
		}
		String address = sent.address;
		request.with((r) -> {
			r.setRemoteAddr(address);
			return r;
		});
		return as(request, sent);
	}

	/** The sender, language and address of the sent request, on a follow-up request. */
	private AbstractMockHttpServletRequestBuilder<?> as(AbstractMockHttpServletRequestBuilder<?> request, Sent sent) {
		sent.headers.forEach(request::header);
		if (sent.cookie != null) {
			request.cookie(sent.cookie);
		}
		if (sent.call.params.containsKey("lang")) {
			request.param("lang", "en");
		}
		if (sent.call.who != Who.ANONYMOUS) {
			request.with(user(this.people.get(sent.call.who)));
		}
		return request;
	}

	/** Decides whether the request was refused and, if so, whether it said why. */
	private void judge(Sent sent) throws Exception {
		MvcResult result = sent.result;
		sent.status = result.getResponse().getStatus();
		if (result.getRequest().isAsyncStarted()) {
			sent.problem = "opened an event stream";
			return;
		}
		if (sent.status >= 500) {
			sent.problem = "answered " + sent.status + " " + result.getResponse().getErrorMessage()
					+ (result.getResolvedException() != null ? " (" + result.getResolvedException() + ")" : "");
			return;
		}
		if (sent.status >= 400) {
			sent.refused = true;
			sent.problem = errorSaysWhy(sent);
		}
		else if (sent.status >= 300) {
			redirect(sent);
		}
		else {
			String body = result.getResponse().getContentAsString();
			List<String> shown = shownErrors(body);
			sent.refused = !shown.isEmpty();
			List<String> asked = confirmQuestions(body);
			if (sent.refused) {
				sent.problem = inLanguage(shown, sent.language);
			}
			else if (!asked.isEmpty()) {
				sent.asksToConfirm = true;
				sent.problem = inLanguage(asked, sent.language);
			}
			else if (!"GET".equals(sent.call.method)) {
				sent.problem = "a " + sent.call.method + " answered " + sent.status + " without saying what happened";
			}
			if (sent.problem == null) {
				sent.problem = leaks(body);
			}
		}
		if (sent.problem == null && !sent.refused && sent.call.mustBeRefusedBecause != null) {
			sent.problem = "accepted although " + sent.call.mustBeRefusedBecause;
		}
	}

	private void redirect(Sent sent) throws Exception {
		String location = sent.result.getResponse().getRedirectedUrl();
		FlashMap flash = (sent.result.getFlashMap() != null) ? sent.result.getFlashMap() : new FlashMap();
		String path = (location == null) ? "" : location.replaceFirst("^https?://[^/]+", "");
		if (path.isEmpty()) {
			// the servlet path, which MockMvc leaves empty and a servlet container fills
			path = sent.result.getRequest().getRequestURI();
		}
		if (flash.containsKey("flashError")) {
			// the layout shows it as #{${flashError}}
			sent.refused = true;
			sent.problem = inLanguage(
					List.of(this.messages.getMessage((String) flash.get("flashError"), null,
							"??" + flash.get("flashError") + "??", Locale.forLanguageTag(sent.language.tag()))),
					sent.language);
		}
		else if (flash.containsKey("flashSuccess") || path.equals("/login?logout")
				|| (path.equals("/") && sent.call.path.equals("/login")) || path.equals("/login/forgot?sent")
				|| path.equals("/login?reset")) {
			sent.refused = false;
		}
		else if (path.equals("/login")) {
			sent.refused = true;
		}
		else if (path.startsWith("/login?error") || path.startsWith("/login?locked=")) {
			sent.refused = true;
			sent.problem = inLanguage(shownErrors(follow(path, flash, sent)), sent.language);
		}
		else {
			sent.problem = "redirected to " + location + " without saying why";
		}
	}

	private String follow(String path, FlashMap flash, Sent sent) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = get(path);
		if (!flash.isEmpty()) {
			request.flashAttrs(flash);
		}
		MvcResult page = this.mvc.perform(as(request, sent)).andReturn();
		sent.followed = page.getResponse().getStatus() + " " + path;
		return page.getResponse().getContentAsString();
	}

	/**
	 * The error's own body, or the error page the container would show for it: its
	 * heading (HTML) or {@code message} (JSON) must be a message in the user's language.
	 */
	private String errorSaysWhy(Sent sent) throws Exception {
		MvcResult result = sent.result;
		String body = result.getResponse().getContentAsString();
		String contentType = result.getResponse().getContentType();
		if (body.isEmpty()) {
			if (sent.call.path.startsWith("/messages/events") && sent.status == 401) {
				return null;
			}
			MvcResult page = errorPage(sent);
			body = page.getResponse().getContentAsString();
			contentType = page.getResponse().getContentType();
			if (page.getResponse().getStatus() >= 500 && page.getResponse().getStatus() != sent.status) {
				return "its error page failed with " + page.getResponse().getStatus();
			}
		}
		if (contentType != null && contentType.contains("json")) {
			Matcher message = JSON_MESSAGE.matcher(body);
			if (!message.find()) {
				return sent.status + " without a message: " + Call.abbreviate(body);
			}
			return inLanguage(List.of(message.group(1).replace("\\\"", "\"")), sent.language);
		}
		List<String> headings = new ArrayList<>();
		Matcher heading = HEADING.matcher(body);
		while (heading.find()) {
			headings.add(HtmlUtils.htmlUnescape(heading.group(1)));
		}
		if (headings.isEmpty()) {
			return sent.status + " (" + contentType + ") without a heading: " + Call.abbreviate(body);
		}
		String problem = inLanguage(headings, sent.language);
		return (problem != null) ? problem : leaks(body);
	}

	private MvcResult errorPage(Sent sent) throws Exception {
		MvcResult result = sent.result;
		String forwarded = result.getResponse().getForwardedUrl();
		AbstractMockHttpServletRequestBuilder<?> request;
		if (forwarded != null) {
			request = get(forwarded).with((r) -> {
				r.setDispatcherType(DispatcherType.FORWARD);
				return r;
			});
		}
		else {
			String uri = result.getRequest().getRequestURI();
			int status = sent.status;
			String message = result.getResponse().getErrorMessage();
			request = get("/error").with((r) -> {
				r.setDispatcherType(DispatcherType.ERROR);
				r.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
				r.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
				r.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
				return r;
			});
		}
		request.header("Accept", sent.call.accept);
		return this.mvc.perform(as(request, sent)).andReturn();
	}

	private static List<String> confirmQuestions(String html) {
		List<String> asked = new ArrayList<>();
		Matcher question = CONFIRM_QUESTION.matcher(html);
		while (question.find()) {
			asked.add(HtmlUtils.htmlUnescape(question.group(1)));
		}
		return asked;
	}

	private static List<String> shownErrors(String html) {
		List<String> shown = new ArrayList<>();
		Matcher error = SHOWN_ERROR.matcher(html);
		while (error.find()) {
			if (error.group().substring(0, error.group().indexOf('>')).contains(" hidden")) {
				continue;
			}
			// th:errors joins a field's messages with line breaks
			for (String message : error.group(1).split("<br */?>")) {
				shown.add(HtmlUtils.htmlUnescape(message));
			}
		}
		return shown;
	}

	private static String inLanguage(List<String> texts, UserLanguage language) {
		if (texts.isEmpty()) {
			return "refused without a message";
		}
		for (String text : texts) {
			if (!language.speaks(text)) {
				return "said \"" + Call.abbreviate(text) + "\", not a message in " + language.tag()
						+ (language.other().speaks(text) ? " (it is one in " + language.other().tag() + ")" : "");
			}
		}
		return null;
	}

	/** Raw exception text, stack traces or unresolved message codes in a page. */
	private static String leaks(String body) {
		Matcher unresolved = UNRESOLVED.matcher(body);
		if (unresolved.find()) {
			return "shows an unresolved message " + unresolved.group();
		}
		if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.springframework")) {
			return "shows exception text";
		}
		return null;
	}

	private String csrfTokenOfAnotherSession() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		return DemoLogIn.csrf(page);
	}

	/** One sent request and what became of it. */
	static final class Sent {

		final Call call;

		final Map<String, String> headers = new LinkedHashMap<>();

		Cookie cookie;

		UserLanguage language;

		String csrf = "valid";

		boolean asksToConfirm;

		String address;

		MvcResult result;

		DatabaseSnapshot.State after;

		int status;

		String followed;

		boolean refused;

		String problem;

		Sent(Call call) {
			this.call = call;
		}

	}

	/** What the run saw, per endpoint and in total. */
	static final class Result {

		final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

		final Map<String, int[]> counts = new TreeMap<>();

		final List<String> problems = new ArrayList<>();

		final Map<String, Long> nanos = new TreeMap<>();

		int requests;

		int serverErrors;

		int refused;

		void count(String endpoint, Sent sent, Call call, String changed, long nanos) {
			this.requests++;
			this.nanos.merge(endpoint, nanos, Long::sum);
			this.statuses.computeIfAbsent(endpoint, (e) -> new TreeMap<>()).merge(sent.status, 1, Integer::sum);
			int[] count = this.counts.computeIfAbsent(endpoint, (e) -> new int[2]);
			count[0]++;
			if (sent.status >= 500) {
				this.serverErrors++;
			}
			if (sent.refused) {
				count[1]++;
				this.refused++;
			}
			String problem = sent.problem;
			if (sent.refused && !changed.isEmpty()) {
				problem = ((problem != null) ? problem + "; " : "") + "refused but changed rows: " + changed;
			}
			if (sent.asksToConfirm && !changed.isEmpty()) {
				problem = ((problem != null) ? problem + "; " : "") + "asked to confirm but changed rows: " + changed;
			}
			if (problem != null && this.problems.size() < 200) {
				this.problems
					.add("#" + this.requests + " " + call + " [" + sent.language.tag() + ", csrf " + sent.csrf + "] -> "
							+ sent.status + ((sent.followed != null) ? " then " + sent.followed : "") + ": " + problem);
			}
		}

		String totals() {
			return "%d requests, %d refused, %d answered 5xx".formatted(this.requests, this.refused, this.serverErrors);
		}

		String summary() {
			StringBuilder summary = new StringBuilder(
					"hostile input, per endpoint (requests, refused, ms per request, statuses):\n");
			this.counts.forEach((endpoint, count) -> summary.append("  %-58s %6d %6d %6.1f  %s%n".formatted(endpoint,
					count[0], count[1], this.nanos.get(endpoint) / 1e6 / count[0], this.statuses.get(endpoint))));
			summary.append("hostile input: ").append(totals()).append('\n');
			this.problems.forEach((problem) -> summary.append("  problem ").append(problem).append('\n'));
			return summary.toString();
		}

	}

}
