package id.otos.messaging.questions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * otos's rich text is shown and written only through one policy: what its editor writes
 * for a question (formatting, lists, tables, links, images of otos's media) stays, and
 * nothing that runs, styles the page or reaches another host does.
 */
class QuestionHtmlTests {

	@Test
	void scriptsAndEventHandlersAreRemoved() {
		String clean = QuestionHtml.sanitize("<p onclick=\"steal()\" onmouseover='steal()'>Berapa <b>2+3</b>?</p>"
				+ "<script>steal()</script><img src=\"/media/q.png\" onerror=\"steal()\">"
				+ "<a href=\"javascript:steal()\">klik</a><svg onload=\"steal()\"></svg>"
				+ "<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>");
		assertThat(clean).doesNotContain("steal")
			.doesNotContain("<script")
			.doesNotContain("onclick")
			.doesNotContain("onerror")
			.doesNotContain("javascript:")
			.doesNotContain("iframe")
			.doesNotContain("<style")
			.doesNotContain("<svg")
			.contains("<b>2")
			.contains("<p>");
	}

	@Test
	void imagesStayOnlyWhenTheyAreOtossOwnMedia() {
		assertThat(QuestionHtml.sanitize("<img src=\"/media/questions/2026/a.png\" alt=\"gambar\">"))
			.contains("src=\"/media/questions/2026/a.png\"")
			.contains("alt=\"gambar\"");
		for (String elsewhere : new String[] { "https://evil.example/x.png", "//evil.example/x.png",
				"/media/../admin/x.png", "data:image/svg+xml;base64,PHN2Zz4=", "/messages/logout/" }) {
			assertThat(QuestionHtml.sanitize("<img src=\"" + elsewhere + "\">")).as(elsewhere).doesNotContain("src=");
		}
	}

	@Test
	void linksLeaveWithoutTheOpenerAndStylesGo() {
		String clean = QuestionHtml.sanitize(
				"<a href=\"https://id.wikipedia.org/wiki/Gaya\" target=\"_blank\">Gaya</a><span style=\"color:red\">x</span>");
		assertThat(clean).contains("href=\"https://id.wikipedia.org/wiki/Gaya\"")
			.contains("noopener")
			.contains("noreferrer")
			.doesNotContain("style=");
	}

	@Test
	void nothingIsAnEmptyText() {
		assertThat(QuestionHtml.sanitize(null)).isEmpty();
	}

}
