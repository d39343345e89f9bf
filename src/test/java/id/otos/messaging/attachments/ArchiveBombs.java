package id.otos.messaging.attachments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Small Word documents that unpack to gigabytes, made in a moment without ever holding
 * the gigabytes: a megabyte of zeros deflates (with a full flush) to the same block of
 * about a kilobyte every time, so a gigabyte of zeros is that block a thousand times. The
 * entries are real (their CRCs are right), so a reader that inflates them all finds a
 * valid document in the end, after unpacking every byte.
 */
public final class ArchiveBombs {

	private static final int MEGABYTE = 1024 * 1024;

	private ArchiveBombs() {
	}

	/**
	 * A {@code .docx} whose media folder holds {@code entries} entries of
	 * {@code megabytesEach} MB of zeros each.
	 * @param entries how many entries of zeros
	 * @param megabytesEach each one's unpacked size in MB
	 * @return the document's bytes (about a kilobyte per unpacked megabyte)
	 */
	public static byte[] wordDocumentOfZeros(int entries, int megabytesEach) {
		Zeros zeros = Zeros.of(megabytesEach);
		return document((zip) -> {
			for (int i = 0; i < entries; i++) {
				zip.addRawArchiveEntry(zeros.entry("word/media/image" + i + ".bin", zeros.size),
						new ByteArrayInputStream(zeros.deflated));
			}
		});
	}

	/**
	 * A {@code .docx} with one entry of {@code megabytes} MB of zeros whose local header
	 * says it unpacks to a few bytes; its directory tells the truth.
	 * @param megabytes the entry's unpacked size in MB
	 * @return the document's bytes
	 */
	public static byte[] wordDocumentWhoseLocalHeaderLies(int megabytes) {
		Zeros zeros = Zeros.of(megabytes);
		byte[] document = document((zip) -> zip.addRawArchiveEntry(zeros.entry("word/media/image0.bin", zeros.size),
				new ByteArrayInputStream(zeros.deflated)));
		byte[] name = "word/media/image0.bin".getBytes(StandardCharsets.US_ASCII);
		for (int at = 0; at + 30 + name.length < document.length; at++) {
			if (document[at] == 'P' && document[at + 1] == 'K' && document[at + 2] == 3 && document[at + 3] == 4
					&& matches(document, at + 30, name)) {
				// the local header's unpacked size: 16 bytes
				document[at + 22] = 16;
				document[at + 23] = 0;
				document[at + 24] = 0;
				document[at + 25] = 0;
				return document;
			}
		}
		throw new IllegalStateException("no local header for the entry");
	}

	/**
	 * A {@code .docx} with {@code entries} empty entries besides the document's own.
	 * @param entries how many
	 * @return the document's bytes
	 */
	public static byte[] wordDocumentWithManyEntries(int entries) {
		return document((zip) -> {
			for (int i = 0; i < entries; i++) {
				ZipArchiveEntry entry = new ZipArchiveEntry("word/x" + i);
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(0);
				entry.setCompressedSize(0);
				entry.setCrc(0);
				zip.addRawArchiveEntry(entry, new ByteArrayInputStream(new byte[0]));
			}
		});
	}

	private static byte[] document(Entries entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
			for (String name : new String[] { "[Content_Types].xml", "word/document.xml" }) {
				zip.putArchiveEntry(new ZipArchiveEntry(name));
				zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.US_ASCII));
				zip.closeArchiveEntry();
			}
			entries.write(zip);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static boolean matches(byte[] bytes, int at, byte[] expected) {
		for (int i = 0; i < expected.length; i++) {
			if (bytes[at + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private interface Entries {

		void write(ZipArchiveOutputStream zip) throws IOException;

	}

	/** Megabytes of zeros, deflated, with their CRC. */
	private record Zeros(byte[] deflated, long size, long crc) {

		static Zeros of(int megabytes) {
			byte[] megabyte = new byte[MEGABYTE];
			Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
			byte[] block = deflate(deflater, megabyte, Deflater.FULL_FLUSH);
			byte[] end = deflate(deflater, new byte[0], -1);
			deflater.end();
			ByteArrayOutputStream stream = new ByteArrayOutputStream(block.length * megabytes + end.length);
			CRC32 crc = new CRC32();
			for (int i = 0; i < megabytes; i++) {
				stream.writeBytes(block);
				crc.update(megabyte);
			}
			stream.writeBytes(end);
			return new Zeros(stream.toByteArray(), (long) megabytes * MEGABYTE, crc.getValue());
		}

		ZipArchiveEntry entry(String name, long size) {
			ZipArchiveEntry entry = new ZipArchiveEntry(name);
			entry.setMethod(ZipEntry.DEFLATED);
			entry.setSize(size);
			entry.setCompressedSize(this.deflated.length);
			entry.setCrc(this.crc);
			return entry;
		}

		/** Deflates the input with the flush mode given, or to the end with -1. */
		private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
			deflater.setInput(input);
			if (flush < 0) {
				deflater.finish();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			while (true) {
				int n = deflater.deflate(buffer, 0, buffer.length, (flush < 0) ? Deflater.NO_FLUSH : flush);
				out.write(buffer, 0, n);
				if ((flush < 0) ? deflater.finished() : (n < buffer.length && deflater.needsInput())) {
					return out.toByteArray();
				}
			}
		}

	}

}
