package id.otos.messaging.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file's type comes from its bytes, never its name; names are cleaned; limits hold.
 */
class AttachmentsTests {

	final Attachments attachments = new Attachments(null, new AttachmentProperties(1024 * 1024));

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	@Test
	void imagesPdfAndTextAreRecognisedByTheirBytes() {
		assertThat(this.attachments.accept("foto.png", PNG).contentType()).isEqualTo("image/png");
		assertThat(this.attachments.accept("x", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }).contentType())
			.isEqualTo("image/jpeg");
		assertThat(this.attachments.accept("x", "GIF89a...".getBytes(StandardCharsets.US_ASCII)).contentType())
			.isEqualTo("image/gif");
		assertThat(this.attachments.accept("x", "RIFF0000WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).contentType())
			.isEqualTo("image/webp");
		assertThat(
				this.attachments.accept("soal.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).contentType())
			.isEqualTo("application/pdf");
		assertThat(this.attachments.accept("catatan.txt", "Halo, Bu Guru! ✓".getBytes(StandardCharsets.UTF_8))
			.contentType()).isEqualTo("text/plain;charset=UTF-8");
	}

	@Test
	void officeDocumentsAreRecognisedByWhatTheirContainerHolds() throws IOException {
		assertThat(this.attachments.accept("tugas.docx", zip("[Content_Types].xml", "word/document.xml")).contentType())
			.isEqualTo(FileTypes.DOCX.contentType());
		assertThat(this.attachments.accept("nilai.xlsx", zip("[Content_Types].xml", "xl/workbook.xml")).contentType())
			.isEqualTo(FileTypes.XLSX.contentType());
		assertThat(this.attachments.accept("slide", zip("[Content_Types].xml", "ppt/presentation.xml")).contentType())
			.isEqualTo(FileTypes.PPTX.contentType());
		byte[] ole = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0 };
		assertThat(this.attachments.accept("lama.doc", ole).contentType()).isEqualTo("application/msword");
	}

	@Test
	void aNameDoesNotMakeAFileWhatItClaims() {
		assertThat(this.attachments.accept("foto.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.satisfies((file) -> {
				assertThat(file.contentType()).isEqualTo("text/plain;charset=UTF-8");
				assertThat(file.fileName()).isEqualTo("foto.png.txt");
			});
	}

	@Test
	void executablesArchivesAndBinaryJunkAreRefused() throws IOException {
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		assertThatThrownBy(() -> this.attachments.accept("tugas.pdf", exe)).hasMessage("attachment.error.type");
		assertThatThrownBy(() -> this.attachments.accept("tugas.zip", zip("virus.exe")))
			.hasMessage("attachment.error.type");
		byte[] ole = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThatThrownBy(() -> this.attachments.accept("makro.msi", ole)).hasMessage("attachment.error.type");
	}

	@Test
	void emptyAndOversizedFilesAreRefusedWithTheLimitInTheMessage() {
		assertThatThrownBy(() -> this.attachments.accept("kosong.txt", new byte[0]))
			.hasMessage("attachment.error.empty");
		assertThatThrownBy(() -> this.attachments.accept("besar.txt", new byte[1024 * 1024 + 1]))
			.isInstanceOfSatisfying(AttachmentRejected.class, (ex) -> {
				assertThat(ex.getMessage()).isEqualTo("attachment.error.too-large");
				assertThat(ex.arguments()).containsExactly(1L);
			});
	}

	@Test
	void namesLoseTheirPathMarkupAndControlCharacters() {
		assertThat(FileNames.clean("C:\\Users\\siswa\\..\\tugas akhir.pdf", "pdf")).isEqualTo("tugas akhir.pdf");
		assertThat(FileNames.clean("../../etc/passwd", "txt")).isEqualTo("passwd.txt");
		assertThat(FileNames.clean("<img src=x onerror=alert(1)>.png", "png"))
			.isEqualTo("_img src_x onerror_alert(1)_.png");
		assertThat(FileNames.clean("a\u0000b\nc.txt", "txt")).isEqualTo("a_b_c.txt");
		assertThat(FileNames.clean(".htaccess", "txt")).isEqualTo("htaccess.txt");
		assertThat(FileNames.clean("", "pdf")).isEqualTo("lampiran.pdf");
		assertThat(FileNames.clean("foto.JPEG", "jpg")).isEqualTo("foto.jpg");
		assertThat(FileNames.clean("x".repeat(300) + ".pdf", "pdf")).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
	}

	@Test
	void anOfficeFileThatUnpacksToGigabytesIsRefusedAsAnArchiveWithoutUnpackingIt() {
		Attachments tenMegabytes = new Attachments(null, new AttachmentProperties(10 * 1024 * 1024));
		byte[] fourGigabytes = ArchiveBombs.wordDocumentOfZeros(4, 1024);
		byte[] oneGigabyteBehindALocalHeaderThatSaysSixteenBytes = ArchiveBombs.wordDocumentWhoseLocalHeaderLies(1024);
		byte[] tenThousandEntries = ArchiveBombs.wordDocumentWithManyEntries(10_000);
		assertThat(fourGigabytes.length).isLessThan(5 * 1024 * 1024);
		for (byte[] bomb : List.of(fourGigabytes, oneGigabyteBehindALocalHeaderThatSaysSixteenBytes,
				tenThousandEntries)) {
			assertThatThrownBy(() -> tenMegabytes.accept("tugas.docx", bomb)).isInstanceOf(AttachmentRejected.class)
				.hasMessage("attachment.error.archive");
		}
	}

	@Test
	void anOfficeFileWithinTheLimitsIsAcceptedHoweverWellItsSmallEntriesPack() throws IOException {
		assertThat(this.attachments.accept("tugas.docx", ArchiveBombs.wordDocumentOfZeros(1, 1)).contentType())
			.isEqualTo(FileTypes.DOCX.contentType());
		assertThat(this.attachments.accept("tugas.docx", ArchiveBombs.wordDocumentWithManyEntries(100)).contentType())
			.isEqualTo(FileTypes.DOCX.contentType());
	}

	@Test
	void anOpenDocumentIsRecognisedByItsMimetypeEntry() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			byte[] mimetype = FileTypes.ODT.contentType().getBytes(StandardCharsets.US_ASCII);
			ZipEntry entry = new ZipEntry("mimetype");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(mimetype);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertThat(this.attachments.accept("esai.odt", bytes.toByteArray()).contentType())
			.isEqualTo(FileTypes.ODT.contentType());
	}

	private static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
