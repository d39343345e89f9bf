package id.otos.messaging.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides a file's type from its bytes, never from its name or the browser's word:
 * images, PDF, office documents and plain text are accepted; anything else is not.
 */
final class FileTypes {

	record FileType(String contentType, String extension) {

		boolean isImage() {
			return this.contentType.startsWith("image/");
		}

	}

	static final FileType PNG = new FileType("image/png", "png");

	static final FileType JPEG = new FileType("image/jpeg", "jpg");

	static final FileType GIF = new FileType("image/gif", "gif");

	static final FileType WEBP = new FileType("image/webp", "webp");

	static final FileType PDF = new FileType("application/pdf", "pdf");

	static final FileType TEXT = new FileType("text/plain;charset=UTF-8", "txt");

	static final FileType DOCX = new FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"docx");

	static final FileType XLSX = new FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"xlsx");

	static final FileType PPTX = new FileType(
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");

	static final FileType ODT = new FileType("application/vnd.oasis.opendocument.text", "odt");

	static final FileType ODS = new FileType("application/vnd.oasis.opendocument.spreadsheet", "ods");

	static final FileType ODP = new FileType("application/vnd.oasis.opendocument.presentation", "odp");

	static final FileType DOC = new FileType("application/msword", "doc");

	static final FileType XLS = new FileType("application/vnd.ms-excel", "xls");

	static final FileType PPT = new FileType("application/vnd.ms-powerpoint", "ppt");

	private static final int MAX_ZIP_ENTRIES = 2000;

	private FileTypes() {
	}

	/**
	 * The type the content shows. The name only tells the legacy Office formats apart,
	 * which share one container signature.
	 */
	static Optional<FileType> detect(byte[] bytes, String fileName) {
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return Optional.of(WEBP);
		}
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return legacyOffice(fileName);
		}
		if (startsWith(bytes, 'P', 'K', 0x03, 0x04)) {
			return officeZip(bytes);
		}
		return isPlainText(bytes) ? Optional.of(TEXT) : Optional.empty();
	}

	private static Optional<FileType> legacyOffice(String fileName) {
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".doc")) {
			return Optional.of(DOC);
		}
		if (name.endsWith(".xls")) {
			return Optional.of(XLS);
		}
		if (name.endsWith(".ppt")) {
			return Optional.of(PPT);
		}
		return Optional.empty();
	}

	private static Optional<FileType> officeZip(byte[] bytes) {
		Set<String> names = new HashSet<>();
		String odfMimetype = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ZIP_ENTRIES) {
				names.add(entry.getName());
				if (entry.getName().equals("mimetype")) {
					odfMimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (names.contains("[Content_Types].xml")) {
			if (names.contains("word/document.xml")) {
				return Optional.of(DOCX);
			}
			if (names.contains("xl/workbook.xml")) {
				return Optional.of(XLSX);
			}
			if (names.contains("ppt/presentation.xml")) {
				return Optional.of(PPTX);
			}
		}
		if (odfMimetype != null) {
			for (FileType odf : new FileType[] { ODT, ODS, ODP }) {
				if (odf.contentType().equals(odfMimetype)) {
					return Optional.of(odf);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean isPlainText(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, int... signature) {
		if (bytes.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((bytes[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

}
