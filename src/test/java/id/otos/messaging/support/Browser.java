package id.otos.messaging.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driven by
 * Selenium, with the few steps every page test needs. Where the browser is not installed
 * the test is skipped with a message saying how to install it, except in CI
 * ({@code CI=true}), where a missing browser fails the run.
 */
public final class Browser implements AutoCloseable {

	public static final String CHROMIUM = System.getProperty("otos.chromium", "/usr/bin/chromium");

	public static final String CHROMEDRIVER = System.getProperty("otos.chromedriver", "/usr/bin/chromedriver");

	/**
	 * Run in every page before its own scripts (through the DevTools protocol, which the
	 * page's Content-Security-Policy does not restrict): keeps each violation of the
	 * policy the page reports.
	 */
	private static final String RECORD_POLICY_VIOLATIONS = """
			window.otosPolicyViolations = [];
			document.addEventListener('securitypolicyviolation', function (event) {
				window.otosPolicyViolations.push(event.violatedDirective + ' blocked '
					+ (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
			});
			""";

	private final WebDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(WebDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	public static Browser open(String baseUrl) {
		return open(baseUrl, true);
	}

	/** A browser with JavaScript switched off: what a page does without its scripts. */
	public static Browser openWithoutJavaScript(String baseUrl) {
		return open(baseUrl, false);
	}

	private static Browser open(String baseUrl, boolean javaScript) {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed) {
			String message = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install -y chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		try {
			Path profile = Files.createTempDirectory("otos-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--lang=id", "--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", javaScript ? Map.of("intl.accept_languages", "id,en") : Map
				.of("intl.accept_languages", "id,en", "profile.managed_default_content_settings.javascript", 2));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, baseUrl, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public Browser logIn(String email, String password) {
		go("/login");
		type("username", email);
		type("password", password);
		click("login-submit");
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("logout")),
					ExpectedConditions.presenceOfElementLocated(By.id("login-error"))));
		return this;
	}

	public Browser logOut() {
		click("logout");
		waitFor(By.id("logged-out"));
		return this;
	}

	public Browser type(String nameOrId, String text) {
		WebElement field = find(nameOrId);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Clicks the element; where that submits a form, waits until the next page has
	 * loaded.
	 */
	public Browser click(String id) {
		WebElement element = waitFor(By.id(id));
		boolean submits = "submit".equals(element.getAttribute("type"));
		element.click();
		if (submits) {
			new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> isGone(element));
		}
		return this;
	}

	/**
	 * Whether the element's page has been replaced. Chromium answers a question about an
	 * element of the page being left either as stale or, caught mid-navigation, with
	 * "does not belong to the document": both mean the same here.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Chooses an option of a select by its visible text. */
	public Browser select(String nameOrId, String visibleText) {
		new Select(find(nameOrId)).selectByVisibleText(visibleText);
		return this;
	}

	/** Chooses an option of a select by its value. */
	public Browser selectValue(String nameOrId, String value) {
		new Select(find(nameOrId)).selectByValue(value);
		return this;
	}

	/** Attaches a file to a file input. */
	public Browser attach(String nameOrId, Path file) {
		find(nameOrId).sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	public boolean isShown(By by) {
		return !this.driver.findElements(by).isEmpty();
	}

	public String text(String id) {
		return waitFor(By.id(id)).getText();
	}

	/**
	 * From now on, every page this browser loads keeps what its Content-Security-Policy
	 * blocked, for {@link #policyViolations()}.
	 */
	public Browser recordPolicyViolations() {
		((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", RECORD_POLICY_VIOLATIONS));
		return this;
	}

	/**
	 * What the Content-Security-Policy blocked: on the current page, as it reported it
	 * (after {@link #recordPolicyViolations()}), and on any page since the last call, as
	 * the browser's console told it.
	 */
	public List<String> policyViolations() {
		List<String> violations = new ArrayList<>();
		Object reported = ((JavascriptExecutor) this.driver).executeScript("return window.otosPolicyViolations || [];");
		if (reported instanceof List<?> list) {
			list.forEach((violation) -> violations.add(String.valueOf(violation)));
		}
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getMessage().contains("Content Security Policy")) {
				violations.add("console: " + entry.getMessage());
			}
		}
		return violations;
	}

	public String path() {
		String url = this.driver.getCurrentUrl();
		return url.substring(this.baseUrl.length());
	}

	private WebElement find(String nameOrId) {
		By byName = By.name(nameOrId);
		return this.driver.findElements(byName).isEmpty() ? waitFor(By.id(nameOrId)) : waitFor(byName);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

	/**
	 * Where browser tests save their screenshots: {@code target/screenshots}, or the
	 * folder given as {@code -Dotos.screenshots=...} ({@code docs/screenshots} to refresh
	 * the README's), so that a test run never changes a tracked file.
	 * @return the folder
	 */
	public static Path screenshots() {
		return Path.of(System.getProperty("otos.screenshots", "target/screenshots"));
	}

}
