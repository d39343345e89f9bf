package id.otos.messaging.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page looks like to a phone and to assistive technology, asked of the page open
 * in a {@link Browser}: the screen's width and colour scheme as the device would tell
 * them (through the DevTools protocol), whether the page scrolls sideways, and what
 * axe-core (Deque's accessibility engine, its {@code axe.min.js} from the
 * {@code com.deque.html.axe-core} test dependency) finds wrong with it.
 */
public final class PageChecks {

	/** The impacts that count as a failure: everything but "minor". */
	public static final List<String> FAILING_IMPACTS = List.of("critical", "serious", "moderate");

	private static final String AXE = axeSource();

	private final Browser browser;

	private PageChecks(Browser browser) {
		this.browser = browser;
	}

	public static PageChecks of(Browser browser) {
		return new PageChecks(browser);
	}

	/** The screen's size, as a device of that size would report it. */
	public PageChecks screen(int width, int height) {
		chrome().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		return this;
	}

	/** The device's colour scheme preference ({@code prefers-color-scheme}). */
	public PageChecks colorScheme(boolean dark) {
		chrome().executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
		return this;
	}

	/**
	 * How many pixels the page is wider than the screen (0 when it does not scroll
	 * sideways).
	 */
	public long sidewaysOverflow() {
		Object overflow = js().executeScript(
				"var root = document.documentElement; return Math.max(0, root.scrollWidth - root.clientWidth);");
		return ((Number) overflow).longValue();
	}

	/**
	 * The innermost elements that reach past the screen's right edge, for saying where a
	 * page scrolls sideways.
	 */
	public String elementsPastTheEdge() {
		return String.valueOf(js().executeScript(
				"""
						var width = document.documentElement.clientWidth, found = [];
						document.querySelectorAll('body *').forEach(function (e) {
							var r = e.getBoundingClientRect();
							if (r.right > width + 0.5 && !Array.prototype.some.call(e.children, function (c) {
									return c.getBoundingClientRect().right > width + 0.5; })) {
								found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
									? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(r.right) + ')');
							}
						});
						return found.slice(0, 5).join(', ');
						"""));
	}

	/**
	 * Runs axe-core over the whole page (every rule, WCAG 2.x A/AA and best practices).
	 * @return each violation found, with its impact, rule and the elements it names
	 */
	public List<Violation> axe() {
		JavascriptExecutor js = js();
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			js.executeScript(AXE);
		}
		this.browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
					done(results.violations.map(function (v) {
						return { impact: v.impact || 'minor', rule: v.id,
							nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join(', ') };
					}));
				}, function (error) { done([{ impact: 'critical', rule: 'axe-error', nodes: String(error) }]); });
				""");
		List<Violation> violations = new ArrayList<>();
		if (result instanceof List<?> list) {
			for (Object item : list) {
				Map<?, ?> map = (Map<?, ?>) item;
				violations.add(new Violation(String.valueOf(map.get("impact")), String.valueOf(map.get("rule")),
						String.valueOf(map.get("nodes"))));
			}
		}
		return violations;
	}

	private ChromeDriver chrome() {
		return (ChromeDriver) this.browser.driver();
	}

	private JavascriptExecutor js() {
		return (JavascriptExecutor) this.browser.driver();
	}

	private static String axeSource() {
		try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is missing: the com.deque.html.axe-core test dependency");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One rule axe-core found broken, and where. */
	public record Violation(String impact, String rule, String nodes) {

		public boolean fails() {
			return FAILING_IMPACTS.contains(this.impact);
		}

		@Override
		public String toString() {
			return this.impact + " " + this.rule + " at " + this.nodes;
		}

	}

}
