package id.otos.messaging.threads.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextTests {

	final MessageText text = new MessageText();

	@Test
	void markupIsShownNeverRun() {
		assertThat(this.text.html("<script>alert('x')</script> & <b>tebal</b>"))
			.isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;");
	}

	@Test
	void lineBreaksAreKept() {
		assertThat(this.text.html("baris satu\nbaris dua\r\nbaris tiga"))
			.isEqualTo("baris satu<br>baris dua<br>baris tiga");
	}

	@Test
	void webLinksBecomeSafeLinksWithoutTrailingPunctuation() {
		assertThat(this.text.html("Lihat https://otos.id/soal?id=1&x=2, ya."))
			.isEqualTo("Lihat <a href=\"https://otos.id/soal?id=1&amp;x=2\" rel=\"nofollow noopener noreferrer\" "
					+ "target=\"_blank\">https://otos.id/soal?id=1&amp;x=2</a>, ya.");
	}

	@Test
	void onlyWebLinksAreLinked() {
		assertThat(this.text.html("javascript:alert(1) data:text/html,x")).doesNotContain("<a ");
		assertThat(this.text.html("\"https://x.test/\" onmouseover=alert(1)")).doesNotContain("onmouseover=\"");
	}

	@Test
	void aLinkEndsWhereMarkupBeginsAndItsEscapedTextIsNeverCut() {
		assertThat(this.text.html("http://evil.test/\"onmouseover=\"alert(1)"))
			.isEqualTo("<a href=\"http://evil.test/\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
					+ "http://evil.test/</a>&quot;onmouseover=&quot;alert(1)");
		assertThat(this.text.html("https://evil.test/x'><script>alert(2)</script>;"))
			.isEqualTo("<a href=\"https://evil.test/x\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
					+ "https://evil.test/x</a>&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;;");
	}

}
