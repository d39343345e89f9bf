package id.otos.messaging.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Decides a file's type from its bytes, never from its name or the browser's word:
 * images, PDF, office documents and plain text are accepted; anything else is not.
 * Deciding never unpacks anything: see {@link #officeZip}.
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

	/** More entries than any real Office document has. */
	static final int MAX_ZIP_ENTRIES = 5000;

	/**
	 * What an Office document may unpack to in all (a 10 MB document of text and pictures
	 * unpacks to far less).
	 */
	static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

	/**
	 * How many times its packed size an entry may unpack to: repetitive XML reaches a few
	 * dozen, a run of zeros about a thousand.
	 */
	static final long MAX_RATIO = 200;

	/** Entries up to this size may be packed as tightly as they like. */
	static final long RATIO_GRACE_BYTES = 1024 * 1024;

	private static final int MIMETYPE_MAX = 100;

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

	/**
	 * An Office document by the names in its zip directory (the central directory at the
	 * end of the file), never by inflating its entries: each entry's declared sizes are
	 * checked against {@link #MAX_ZIP_ENTRIES}, {@link #MAX_UNPACKED_BYTES} and
	 * {@link #MAX_RATIO} first, so a small archive that unpacks to gigabytes costs a read
	 * of its directory and is refused. The only content read is an ODF file's
	 * {@code mimetype} (stored uncompressed by the standard), at most
	 * {@value #MIMETYPE_MAX} bytes of it.
	 * @throws AttachmentRejected {@code attachment.error.archive} for an archive over the
	 * limits
	 */
	private static Optional<FileType> officeZip(byte[] bytes) {
		if (directoryRecordsAtMost(bytes) > MAX_ZIP_ENTRIES) {
			// the reader below would parse every record, about 6 µs each
			throw new AttachmentRejected("attachment.error.archive");
		}
		try (ZipFile zip = ZipFile.builder()
			.setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
			.setIgnoreLocalFileHeader(true)
			.get()) {
			Set<String> names = new HashSet<>();
			int count = 0;
			long unpacked = 0;
			ZipArchiveEntry mimetype = null;
			for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements();) {
				ZipArchiveEntry entry = entries.nextElement();
				if (++count > MAX_ZIP_ENTRIES) {
					throw new AttachmentRejected("attachment.error.archive");
				}
				unpacked += requireModest(entry);
				if (unpacked > MAX_UNPACKED_BYTES) {
					throw new AttachmentRejected("attachment.error.archive");
				}
				names.add(entry.getName());
				if ("mimetype".equals(entry.getName())) {
					mimetype = entry;
				}
			}
			Optional<FileType> ooxml = ooxml(names);
			return ooxml.isPresent() ? ooxml : odf(zip, mimetype);
		}
		catch (AttachmentRejected ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// not a zip this reader understands (a damaged or hand-made directory)
			return Optional.empty();
		}
	}

	/**
	 * How many central directory records the file can hold at most: every one starts with
	 * the signature {@code PK 1 2}, so there are no more records than signatures.
	 */
	private static int directoryRecordsAtMost(byte[] bytes) {
		int count = 0;
		for (int i = 0; i + 3 < bytes.length; i++) {
			if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
				count++;
			}
		}
		return count;
	}

	/** The entry's declared unpacked size, if it is within the limits. */
	private static long requireModest(ZipArchiveEntry entry) {
		long size = entry.getSize();
		long compressed = entry.getCompressedSize();
		if (size < 0 || compressed < 0 || size > MAX_UNPACKED_BYTES) {
			throw new AttachmentRejected("attachment.error.archive");
		}
		if (size > RATIO_GRACE_BYTES && size > compressed * MAX_RATIO) {
			throw new AttachmentRejected("attachment.error.archive");
		}
		return size;
	}

	private static Optional<FileType> ooxml(Set<String> names) {
		if (!names.contains("[Content_Types].xml")) {
			return Optional.empty();
		}
		if (names.contains("word/document.xml")) {
			return Optional.of(DOCX);
		}
		if (names.contains("xl/workbook.xml")) {
			return Optional.of(XLSX);
		}
		if (names.contains("ppt/presentation.xml")) {
			return Optional.of(PPTX);
		}
		return Optional.empty();
	}

	private static Optional<FileType> odf(ZipFile zip, ZipArchiveEntry mimetype) {
		if (mimetype == null) {
			return Optional.empty();
		}
		String declared;
		try (InputStream in = zip.getInputStream(mimetype)) {
			declared = new String(in.readNBytes(MIMETYPE_MAX), StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (FileType odf : new FileType[] { ODT, ODS, ODP }) {
			if (odf.contentType().equals(declared)) {
				return Optional.of(odf);
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
