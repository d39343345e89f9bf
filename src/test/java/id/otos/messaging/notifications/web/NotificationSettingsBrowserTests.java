package id.otos.messaging.notifications.web;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student turns e-mail digests off on their profile page, in a real browser.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationSettingsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open("http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aStudentTurnsDigestsOffAndChoosesEnglish() {
		this.browser.logIn("siswa1@otos.test", DemoLogIn.PASSWORD).go("/profile");
		assertThat(this.browser.waitFor(By.id("email-digest")).isSelected()).isTrue();

		this.browser.click("email-digest").selectValue("email-language", "en").click("save-notifications");

		assertThat(this.browser.path()).isEqualTo("/profile");
		assertThat(this.browser.text("flash-success")).isEqualTo("Pengaturan pemberitahuan disimpan.");
		assertThat(this.browser.waitFor(By.id("email-digest")).isSelected()).isFalse();
		assertThat(this.browser.waitFor(By.cssSelector("#email-language option[value=en]")).isSelected()).isTrue();
	}

}
