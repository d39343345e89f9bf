package id.otos.messaging.accounts;

import java.util.Base64;

/**
 * Small real images of each accepted format, for tests.
 */
public final class PictureSamples {

	/** A 1x1 PNG. */
	private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

	/** A 1x1 GIF. */
	private static final String GIF = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

	/** A 1x1 lossless WebP. */
	private static final String WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

	private PictureSamples() {
	}

	public static byte[] png() {
		return Base64.getDecoder().decode(PNG);
	}

	public static byte[] gif() {
		return Base64.getDecoder().decode(GIF);
	}

	public static byte[] webp() {
		return Base64.getDecoder().decode(WEBP);
	}

	/** The start of a JPEG (JFIF) file: enough for its signature. */
	public static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
				0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, (byte) 0xFF, (byte) 0xD9 };
	}

	/** A PNG padded to the given size, as a large upload would be. */
	public static byte[] pngOfSize(int size) {
		byte[] start = png();
		byte[] padded = new byte[size];
		System.arraycopy(start, 0, padded, 0, Math.min(start.length, size));
		return padded;
	}

}
