package id.otos.messaging.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of {@link PagesWithoutInlineCodeTests} finds what it looks for, and only
 * that.
 */
class InlineCodeTests {

	@Test
	void findsInlineScriptsStylesHandlersAndJavascriptAddresses() {
		assertThat(InlineCode.in("<script>alert(1)</script>")).hasSize(1);
		assertThat(InlineCode.in("<script src=\"/js/a.js\">alert(1)</script>")).hasSize(1);
		assertThat(InlineCode.in("<style>p { color: red }</style>")).hasSize(1);
		assertThat(InlineCode.in("<p style=\"color: red\">x</p>")).hasSize(1);
		assertThat(InlineCode.in("<img src=x onerror=alert(1)>")).hasSize(1);
		assertThat(InlineCode.in("<button type=\"button\" onClick='go()'>x</button>")).hasSize(1);
		assertThat(InlineCode.in("<a href=\"javascript:alert(1)\">x</a>")).hasSize(1);
	}

	@Test
	void leavesScriptFilesAndEscapedTextAlone() {
		assertThat(InlineCode.in("<script id=\"live\" src=\"/js/live.js\" defer></script>")).isEmpty();
		assertThat(InlineCode.in("<input value=\"&quot; onfocus=alert(1) style=x\" title='a onclick=b'>")).isEmpty();
		assertThat(InlineCode.in("<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x style=y</p>")).isEmpty();
		assertThat(InlineCode.in("<span class=\"badge\" data-style=\"x\" data-onclick=\"y\">z</span>")).isEmpty();
	}

}
