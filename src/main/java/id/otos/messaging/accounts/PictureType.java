package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats accepted as profile pictures, recognised by the first bytes of the
 * content (their "magic numbers"), never by the file name or the type the browser claims.
 * SVG is deliberately absent: it can carry scripts.
 */
public enum PictureType {

	PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] GIF87 = ascii("GIF87a");

	private static final byte[] GIF89 = ascii("GIF89a");

	private static final byte[] RIFF = ascii("RIFF");

	private static final byte[] WEBP_FOURCC = ascii("WEBP");

	/** How many leading bytes {@link #detect(byte[])} needs at most. */
	public static final int SIGNATURE_LENGTH = 12;

	private final String contentType;

	private final String extension;

	PictureType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * The format the content starts with, or empty if it is none of the accepted ones.
	 */
	public static Optional<PictureType> detect(byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		if (startsWith(content, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0, JPEG_SIGNATURE)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0, GIF87) || startsWith(content, 0, GIF89)) {
			return Optional.of(GIF);
		}
		if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_FOURCC)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, int offset, byte[] signature) {
		return content.length >= offset + signature.length
				&& Arrays.equals(content, offset, offset + signature.length, signature, 0, signature.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
