package id.otos.messaging.web;

import java.util.List;

import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoFixture.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way to Django's log-in page and back: {@code next} encoded as Django's own
 * {@code redirect_to_login} encodes it, and never anything but a path on this site.
 */
class DjangoLogInPageTests {

	private final DjangoLogInPage page = new DjangoLogInPage(properties("/login/"));

	@Test
	void nextIsWrittenAsDjangoWroteIt() {
		List<Verdict> redirected = DjangoFixture.load()
			.verdicts()
			.stream()
			.filter((verdict) -> verdict.djangoRedirect().isPresent())
			.toList();
		assertThat(redirected).isNotEmpty();
		for (Verdict verdict : redirected) {
			assertThat(this.page.withNext("/api/messages/unread-count/")).isEqualTo(verdict.djangoRedirect().get());
		}
	}

	@Test
	void nextKeepsTheQueryEncodedAsPythonsQuote() {
		assertThat(this.page.withNext("/messages/?status=open&search=a%20b"))
			.isEqualTo("/login/?next=/messages/%3Fstatus%3Dopen%26search%3Da%2520b");
		assertThat(this.page.withNext("/messages/?search=\u00fc*~"))
			.isEqualTo("/login/?next=/messages/%3Fsearch%3D%C3%BC%2A~");
	}

	@Test
	void nextIsOnlyEverAPathOnThisSite() {
		for (String elsewhere : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example",
				"javascript:alert(1)", "", null }) {
			assertThat(this.page.withNext(elsewhere)).as(String.valueOf(elsewhere))
				.isEqualTo("/login/?next=/messages/");
		}
	}

	@Test
	void aLogInAddressWithAQueryGetsNextAppended() {
		assertThat(new DjangoLogInPage(properties("https://otos.example/login/?lang=id")).withNext("/messages/"))
			.isEqualTo("https://otos.example/login/?lang=id&next=/messages/");
	}

	private static DjangoProperties properties(String loginUrl) {
		return new DjangoProperties("secret", List.of(), "sessionid", null, "/", loginUrl,
				List.of("django.contrib.auth.backends.ModelBackend"));
	}

}
