package id.otos.messaging.attachments;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns whatever name a browser sent into a safe file name: no path, no control or markup
 * characters, at most {@value #MAX_LENGTH} characters, ending in the extension of the
 * type the content really is.
 */
final class FileNames {

	static final int MAX_LENGTH = 100;

	private FileNames() {
	}

	static String clean(String original, String extension) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = name.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_").replaceAll("\\s+", " ").trim();
		name = name.replaceAll("^[.\\s]+", "");
		String base = stripExtension(name, extension);
		if (base.isBlank()) {
			base = "lampiran";
		}
		int room = MAX_LENGTH - extension.length() - 1;
		if (base.length() > room) {
			base = base.substring(0, room).trim();
		}
		return base + "." + extension;
	}

	private static String stripExtension(String name, String extension) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith("." + extension)) {
			return name.substring(0, name.length() - extension.length() - 1);
		}
		if (extension.equals("jpg") && lower.endsWith(".jpeg")) {
			return name.substring(0, name.length() - 5);
		}
		return name;
	}

}
