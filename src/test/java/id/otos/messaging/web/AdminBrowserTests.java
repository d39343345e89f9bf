package id.otos.messaging.web;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
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
 * An admin creates a teacher and gives them a category; the teacher then logs in.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void adminCreatesATeacherAssignsACategoryAndTheTeacherLogsIn() {
		try (Browser admin = Browser.open(base())) {
			admin.logIn("admin@otos.test", DemoLogIn.PASSWORD).click("nav-admin-users").click("new-user");
			admin.type("email", "guru3@otos.test")
				.type("username", "guru3")
				.type("firstName", "Citra")
				.type("lastName", "Dewi")
				.selectValue("role", "TEACHER")
				.type("password", "rahasia-guru3")
				.click("save-user");
			assertThat(admin.text("flash-success")).isNotBlank();
			admin.go("/admin/users?search=guru3");
			assertThat(admin.isShown(By.cssSelector("tr[data-email='guru3@otos.test']"))).isTrue();

			admin.click("nav-admin-categories");
			String fisika = admin.waitFor(By.cssSelector("tr[data-category-name='Fisika']"))
				.getAttribute("data-category-id");
			admin.click("manage-category-" + fisika)
				.select("teacherId", "Citra Dewi (guru3@otos.test)")
				.click("assign-teacher");
			assertThat(admin.isShown(By.cssSelector("[data-email='guru3@otos.test']"))).isTrue();
			admin.logOut();
		}
		try (Browser teacher = Browser.open(base())) {
			teacher.logIn("guru3@otos.test", "rahasia-guru3");

			assertThat(teacher.path()).isEqualTo("/messages/");
			assertThat(teacher.driver().findElement(By.className("who")).getText()).isEqualTo("Citra Dewi");
			assertThat(teacher.isShown(By.id("nav-admin-users"))).isFalse();
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
