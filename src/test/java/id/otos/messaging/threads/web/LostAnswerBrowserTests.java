package id.otos.messaging.threads.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.support.PageChecks;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import id.otos.messaging.accounts.Accounts;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply whose answer never reaches the browser: the server stores it, then stops
 * answering (the answer is lost on the way, as on a bad mobile network). The page waits,
 * says it will send again, sends again with the same submission key, and the thread holds
 * the reply exactly once.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LostAnswerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	Accounts accounts;

	@Autowired
	LoseOneAnswer loseOneAnswer;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aReplyWhoseAnswerIsLostIsSentAgainAndStoredOnce() throws Exception {
		long category = this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		long thread = this.desk.open(viewer("siswa1@otos.test"), new NewThread("Limit", ThreadType.ACADEMIC, category,
				null, Priority.NORMAL, "Berapa limit sin x / x?", null), null);
		try (Browser siswa = Browser.open("http://127.0.0.1:" + this.port)) {
			PageChecks.of(siswa).screen(390, 844);
			siswa.logIn("siswa1@otos.test", DemoLogIn.PASSWORD).go("/messages/thread/" + thread + "/");
			siswa.type("content", "Jawabannya 1, kan?");
			this.loseOneAnswer.arm();

			WebElement form = siswa.driver().findElement(By.id("reply-form"));
			siswa.driver().findElement(By.id("reply-submit")).click();
			assertThat(this.loseOneAnswer.stored.await(30, TimeUnit.SECONDS)).as("the server stored the reply")
				.isTrue();
			new WebDriverWait(siswa.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(form));
			new WebDriverWait(siswa.driver(), Duration.ofSeconds(15))
				.until((driver) -> driver.findElements(By.cssSelector("#messages li.message .message-content"))
					.stream()
					.anyMatch((m) -> m.getText().equals("Jawabannya 1, kan?")));

			assertThat(this.loseOneAnswer.sentAgain.getCount()).as("the page sent the reply again").isZero();
			assertThat(this.jdbc.sql("select count(*) from otosapp_message where thread_id = ? and content = ?")
				.param(thread)
				.param("Jawabannya 1, kan?")
				.query(Integer.class)
				.single()).as("stored exactly once").isEqualTo(1);
			assertThat(siswa.text("flash-success")).isEqualTo("Balasan terkirim.");
		}
	}

	private Viewer viewer(String email) {
		long id = this.jdbc.sql("select id from otosapp_user where email = ?").param(email).query(Long.class).single();
		return this.viewers.of(this.accounts.currentUser(id).orElseThrow());
	}

	/**
	 * Once armed, lets the next reply through to be stored but keeps its answer from the
	 * browser (the application answers into a response nobody sends) and holds the
	 * connection silent until the reply has been sent again and answered, or a minute.
	 */
	static class LoseOneAnswer implements Filter {

		private final AtomicBoolean armed = new AtomicBoolean();

		final CountDownLatch stored = new CountDownLatch(1);

		final CountDownLatch sentAgain = new CountDownLatch(1);

		void arm() {
			this.armed.set(true);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			boolean reply = "POST".equals(((HttpServletRequest) request).getMethod())
					&& "reply".equals(request.getParameter("action"));
			if (reply && this.armed.compareAndSet(true, false)) {
				chain.doFilter(request, new MockHttpServletResponse());
				this.stored.countDown();
				try {
					this.sentAgain.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			chain.doFilter(request, response);
			if (reply && this.stored.getCount() == 0) {
				this.sentAgain.countDown();
			}
		}

	}

	@TestConfiguration
	static class LosingAnswers {

		@Bean
		LoseOneAnswer loseOneAnswer() {
			return new LoseOneAnswer();
		}

		@Bean
		FilterRegistrationBean<LoseOneAnswer> loseOneAnswerFirst(LoseOneAnswer filter) {
			FilterRegistrationBean<LoseOneAnswer> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
