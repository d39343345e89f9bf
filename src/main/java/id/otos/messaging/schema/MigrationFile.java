package id.otos.messaging.schema;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One file found in the migrations folder: its path inside the folder ({@code /}
 * separated) and its bytes.
 */
public record MigrationFile(String path, byte[] content) {

	public MigrationFile {
		content = content.clone();
	}

	/** The file name without any folder. */
	public String name() {
		return this.path.substring(this.path.lastIndexOf('/') + 1);
	}

	public boolean isInSubfolder() {
		return this.path.contains("/");
	}

	public MigrationFileName fileName() {
		return MigrationFileName.of(name());
	}

	/** The SHA-256 of the file's bytes, in lower-case hex. */
	public String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof MigrationFile file) && this.path.equals(file.path)
				&& Arrays.equals(this.content, file.content);
	}

	@Override
	public int hashCode() {
		return this.path.hashCode() * 31 + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return this.path;
	}

}
