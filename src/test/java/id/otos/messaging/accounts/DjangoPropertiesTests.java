package id.otos.messaging.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code otos.django.*}: Django mode exactly when a secret key is set, and settings that
 * would break the log-in refused at start with a line saying which.
 */
class DjangoPropertiesTests {

	@Test
	void djangoModeIsOnExactlyWhenTheSecretKeyIsSet() {
		assertThat(properties(null, List.of(), "/login/").enabled()).isFalse();
		assertThat(properties("s3cret", List.of(), "/login/").enabled()).isTrue();
	}

	@Test
	void aBlankSecretIsRefusedRatherThanTakenForStandalone() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(" ", List.of(), "/login/"))
			.withMessageContaining("otos.django.secret-key");
		assertThatIllegalArgumentException().isThrownBy(() -> properties("s3cret", List.of(""), "/login/"))
			.withMessageContaining("otos.django.secret-key-fallbacks");
	}

	@Test
	void theLogInPageIsAPathOrAWebAddress() {
		assertThat(properties("s", List.of(), "https://otos.example/login/").loginUrl())
			.isEqualTo("https://otos.example/login/");
		for (String refused : new String[] { "login/", "//evil.example/login/", "javascript:alert(1)" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> properties("s", List.of(), refused))
				.withMessageContaining("otos.django.login-url");
		}
	}

	@Test
	void theSecretsAreNeverShown() {
		assertThat(properties("the-real-secret", List.of("the-old-secret"), "/login/").toString())
			.doesNotContain("the-real-secret")
			.doesNotContain("the-old-secret");
	}

	private static DjangoProperties properties(String secret, List<String> fallbacks, String loginUrl) {
		return new DjangoProperties(secret, fallbacks, "sessionid", null, "/", loginUrl,
				List.of("django.contrib.auth.backends.ModelBackend"));
	}

}
