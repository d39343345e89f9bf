package id.otos.messaging.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ID/EN switch keeps the page's query (its filters) and replaces only the language,
 * whatever the query holds.
 */
class LanguageLinksTests {

	@Test
	void theFiltersOfThePageAreKept() {
		assertThat(LanguageLinks.to("en", "status=pending&search=integral&page=2"))
			.isEqualTo("?status=pending&search=integral&page=2&lang=en");
	}

	@Test
	void onlyTheLanguageIsReplaced() {
		assertThat(LanguageLinks.to("id", "lang=en&type=academic")).isEqualTo("?type=academic&lang=id");
		assertThat(LanguageLinks.to("en", "lang=id&lang=en")).isEqualTo("?lang=en");
	}

	@Test
	void aPageWithoutQueryGetsTheLanguageAlone() {
		assertThat(LanguageLinks.to("en", null)).isEqualTo("?lang=en");
		assertThat(LanguageLinks.to("en", "")).isEqualTo("?lang=en");
		assertThat(LanguageLinks.to("id", "logout")).isEqualTo("?logout&lang=id");
	}

	@Test
	void aHostileQueryIsPassedOnAsSentAndNeverLeadsElsewhere() {
		String link = LanguageLinks.to("en", "search=%3Cscript%3E%zz{x}&next=//evil.example/");
		assertThat(link).startsWith("?").endsWith("&lang=en");
		assertThat(link).contains("search=%3Cscript%3E%zz{x}");
	}

}
