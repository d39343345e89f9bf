package id.otos.messaging.adoption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * otos's MEDIA_ROOT, as {@code --media} names it: the files that its file columns
 * ({@code otosapp_message.attachment}, {@code otosapp_user.profile_picture}) point to by
 * a path relative to it. A column's value is only ever read as a file inside the folder:
 * an absolute path, a {@code ..} step, a link that leads out of it, a URL or anything
 * that is not a regular file is refused with the reason, never followed.
 */
final class MediaFolder {

	private final Path root;

	private MediaFolder(Path root) {
		this.root = root;
	}

	/**
	 * The folder, or none (every file is then listed as not imported).
	 * @param folder the {@code --media} option, or {@code null}
	 * @return the media folder
	 * @throws IllegalArgumentException if the folder does not exist
	 */
	static MediaFolder of(String folder) {
		if (folder == null) {
			return new MediaFolder(null);
		}
		Path path = Path.of(folder).toAbsolutePath().normalize();
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("--media=" + folder + " is not a folder");
		}
		try {
			return new MediaFolder(path.toRealPath());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("--media=" + folder + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The bytes of the file a column names, or why they cannot be read.
	 * @param column the column's value
	 * @param maxBytes the largest file to read; a larger one is refused
	 * @return the bytes, or the reason
	 */
	Read read(String column, long maxBytes) {
		if (column.startsWith("https://") || column.startsWith("http://")) {
			return Read.refused("is a URL (otos stored it in Vercel Blob, not in MEDIA_ROOT): not imported; the"
					+ " column keeps it");
		}
		if (this.root == null) {
			return Read.refused("not imported: no --media folder was given");
		}
		if (column.indexOf('\0') >= 0 || column.contains("\\") || column.startsWith("/") || column.contains(":")
				|| Path.of(column).isAbsolute()) {
			return Read.refused("is not a path inside MEDIA_ROOT: not read");
		}
		Path file = this.root.resolve(column).normalize();
		if (!file.startsWith(this.root) || column.contains("..")) {
			return Read.refused("leads outside MEDIA_ROOT (..): not read");
		}
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return Read.refused("is missing from " + this.root);
		}
		try {
			Path real = file.toRealPath();
			if (!real.startsWith(this.root)) {
				return Read.refused("is a link that leads outside MEDIA_ROOT: not read");
			}
			if (!Files.isRegularFile(real)) {
				return Read.refused("is not a file");
			}
			if (Files.size(real) > maxBytes) {
				return Read.refused("is larger than the " + (maxBytes / (1024 * 1024)) + " MB a file may have here");
			}
			try (InputStream in = Files.newInputStream(real)) {
				byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
				if (bytes.length > maxBytes) {
					return Read
						.refused("is larger than the " + (maxBytes / (1024 * 1024)) + " MB a file may have here");
				}
				return Read.found(bytes);
			}
		}
		catch (IOException ex) {
			return Read.refused("cannot be read: " + ex.getMessage());
		}
	}

	/** A file's bytes, or why there are none. */
	record Read(byte[] bytes, String refusal) {

		static Read found(byte[] bytes) {
			return new Read(bytes, null);
		}

		static Read refused(String reason) {
			return new Read(null, reason);
		}

		boolean isFound() {
			return this.bytes != null;
		}

	}

}
