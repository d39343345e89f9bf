package id.otos.messaging.web;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open("http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void studentLogsInAndLandsOnTheInbox() {
		this.browser.logIn("siswa1@otos.test", DemoLogIn.PASSWORD);

		assertThat(this.browser.path()).isEqualTo("/messages/");
		assertThat(this.browser.text("nav-messages")).startsWith("Pesan");
	}

	@Test
	void wrongPasswordShowsAClearMessageAndStaysOnTheLoginPage() {
		this.browser.logIn("siswa1@otos.test", "not-the-password");

		assertThat(this.browser.text("login-error")).contains("Email atau kata sandi salah");
		assertThat(this.browser.path()).startsWith("/login");
	}

	@Test
	void loggedOutUserMustLogInAgain() {
		this.browser.logIn("guru1@otos.test", DemoLogIn.PASSWORD).logOut();

		this.browser.go("/profile");

		assertThat(this.browser.path()).startsWith("/login");
		assertThat(this.browser.waitFor(By.id("login-submit")).isDisplayed()).isTrue();
	}

	@Test
	void englishIsOneClickAway() {
		this.browser.go("/login?lang=en");

		assertThat(this.browser.text("login-submit")).isEqualTo("Log in");
	}

}
