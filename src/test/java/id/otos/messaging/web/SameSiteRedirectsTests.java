package id.otos.messaging.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameSiteRedirectsTests {

	@Test
	void aFullAddressKeepsOnlyItsPathAndQuery() {
		assertThat(SameSiteRedirects.pathOf("http://evil.example/messages/?status=open&continue", ""))
			.isEqualTo("/messages/?status=open&continue");
		assertThat(SameSiteRedirects.pathOf("https://evil.example", "")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("/messages/thread/7/", "")).isEqualTo("/messages/thread/7/");
	}

	@Test
	void anythingButAPlainPathLeadsToTheStartPage() {
		assertThat(SameSiteRedirects.pathOf("//evil.example/", "")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("http://localhost//evil.example/", "")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("/\\evil.example/", "")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("javascript:alert(1)", "")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("messages/", "")).isEqualTo("/");
	}

	@Test
	void underAContextPathTheAddressIsMadeRelativeToIt() {
		assertThat(SameSiteRedirects.pathOf("http://evil.example/otos/messages/", "/otos")).isEqualTo("/messages/");
		assertThat(SameSiteRedirects.pathOf("http://evil.example/other/", "/otos")).isEqualTo("/");
		assertThat(SameSiteRedirects.pathOf("http://evil.example/otos//evil.example/", "/otos")).isEqualTo("/");
	}

}
