package id.otos.messaging.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code otos_profile_picture}: the bytes of one user's picture, in the database
 * so that every application node can serve it. The user's {@code profile_picture} column
 * holds its Django-style name, see {@link #nameFor(long, PictureType, byte[])}.
 */
@Entity
@Table(name = "otos_profile_picture")
class ProfilePicture {

	static final String FOLDER = "profile_pictures/";

	@Id
	@Column(name = "user_id")
	private Long userId;

	@Column(name = "content_type", nullable = false, length = 100)
	private String contentType;

	@Column(name = "content", nullable = false)
	private byte[] content;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected ProfilePicture() {
	}

	ProfilePicture(long userId, PictureType type, byte[] content, Instant now) {
		this.userId = userId;
		replace(type, content, now);
	}

	void replace(PictureType type, byte[] content, Instant now) {
		this.contentType = type.contentType();
		this.content = content.clone();
		this.updatedAt = now;
	}

	/**
	 * The name stored in {@code otosapp_user.profile_picture}, as Django's
	 * {@code ImageField(upload_to='profile_pictures/')} would: e.g.
	 * {@code profile_pictures/42-1a2b3c4d5e.png}. The short content hash makes every new
	 * picture a new name, so the name also serves as the picture's version.
	 */
	static String nameFor(long userId, PictureType type, byte[] content) {
		return FOLDER + userId + "-" + shortHash(content) + "." + type.extension();
	}

	/** The part of a stored name that changes with each picture: its file name. */
	static String versionOf(String name) {
		return name.substring(name.lastIndexOf('/') + 1);
	}

	private static String shortHash(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	Long getUserId() {
		return this.userId;
	}

	String getContentType() {
		return this.contentType;
	}

	/** The stored bytes themselves, not a copy: read them, do not change them. */
	byte[] getContent() {
		return this.content;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public String toString() {
		return "ProfilePicture[user=" + this.userId + ", " + this.contentType + ", " + this.content.length + " bytes]";
	}

}
