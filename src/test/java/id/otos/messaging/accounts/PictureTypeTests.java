package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PictureTypeTests {

	@Test
	void pngIsRecognisedByItsSignature() {
		assertThat(PictureType.detect(PictureSamples.png())).contains(PictureType.PNG);
	}

	@Test
	void jpegIsRecognisedByItsSignature() {
		assertThat(PictureType.detect(PictureSamples.jpeg())).contains(PictureType.JPEG);
	}

	@Test
	void bothGifVersionsAreRecognised() {
		assertThat(PictureType.detect(PictureSamples.gif())).contains(PictureType.GIF);
		assertThat(PictureType.detect(ascii("GIF87a\u0001\u0000\u0001\u0000"))).contains(PictureType.GIF);
	}

	@Test
	void webpIsRecognisedByItsRiffContainer() {
		assertThat(PictureType.detect(PictureSamples.webp())).contains(PictureType.WEBP);
	}

	@Test
	void aRiffFileThatIsNotWebpIsRefused() {
		assertThat(PictureType.detect(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEmpty();
	}

	@Test
	void svgIsRefusedBecauseItCanCarryScripts() {
		assertThat(PictureType.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>")))
			.isEmpty();
	}

	@Test
	void htmlIsRefused() {
		assertThat(PictureType.detect(ascii("<!DOCTYPE html><html><body>hello</body></html>"))).isEmpty();
	}

	@Test
	void aPdfIsRefused() {
		assertThat(PictureType.detect(ascii("%PDF-1.7\n%\u00e2\u00e3"))).isEmpty();
	}

	@Test
	void contentShorterThanAnySignatureIsRefused() {
		assertThat(PictureType.detect(new byte[0])).isEmpty();
		assertThat(PictureType.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEmpty();
		assertThat(PictureType.detect(ascii("RIFF1234WEB"))).isEmpty();
		assertThat(PictureType.detect(null)).isEmpty();
	}

	@Test
	void onlyTheStartOfTheContentCounts() {
		byte[] textThenPng = new byte[64];
		Arrays.fill(textThenPng, (byte) 'a');
		System.arraycopy(PictureSamples.png(), 0, textThenPng, 16, 8);

		assertThat(PictureType.detect(textThenPng)).isEmpty();
	}

	@Test
	void eachTypeHasTheContentTypeItIsServedWith() {
		assertThat(PictureType.PNG.contentType()).isEqualTo("image/png");
		assertThat(PictureType.JPEG.contentType()).isEqualTo("image/jpeg");
		assertThat(PictureType.GIF.contentType()).isEqualTo("image/gif");
		assertThat(PictureType.WEBP.contentType()).isEqualTo("image/webp");
		assertThat(PictureType.JPEG.extension()).isEqualTo("jpg");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
