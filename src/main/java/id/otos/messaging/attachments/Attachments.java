package id.otos.messaging.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import id.otos.messaging.attachments.FileTypes.FileType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks, stores and serves the files attached to messages.
 */
@Service
public class Attachments {

	private final StoredAttachmentRepository attachments;

	private final AttachmentProperties properties;

	Attachments(StoredAttachmentRepository attachments, AttachmentProperties properties) {
		this.attachments = attachments;
		this.properties = properties;
	}

	/**
	 * Checks an uploaded file: not empty, not too large, of an accepted type by its
	 * content.
	 * @throws AttachmentRejected with the reason for the user
	 */
	public AcceptedFile accept(String originalName, byte[] content) {
		return check(originalName, content, this.properties.maxBytes());
	}

	/**
	 * The checks of {@link #accept}, for a file that does not come from a form (an otos
	 * database's media files, when it is adopted).
	 * @param originalName the file's name
	 * @param content its bytes
	 * @param maxBytes the largest size accepted
	 * @return the accepted file
	 * @throws AttachmentRejected with the reason
	 */
	public static AcceptedFile check(String originalName, byte[] content, long maxBytes) {
		if (content.length == 0) {
			throw new AttachmentRejected("attachment.error.empty");
		}
		if (content.length > maxBytes) {
			throw new AttachmentRejected("attachment.error.too-large", maxBytes / (1024 * 1024));
		}
		FileType type = FileTypes.detect(content, originalName)
			.orElseThrow(() -> new AttachmentRejected("attachment.error.type"));
		return new AcceptedFile(FileNames.clean(originalName, type.extension()), type.contentType(), content,
				sha256(content));
	}

	/**
	 * Stores the file for the message; returns the name kept in
	 * {@code otosapp_message.attachment}.
	 */
	@Transactional
	public String store(long messageId, AcceptedFile file) {
		this.attachments.save(new StoredAttachment(messageId, file));
		String name = "message_attachments/" + messageId + "/" + file.fileName();
		return (name.length() <= 100) ? name : name.substring(0, 100);
	}

	@Transactional(readOnly = true)
	public Optional<StoredFile> load(long messageId) {
		return this.attachments.findById(messageId).map(StoredAttachment::toStoredFile);
	}

	public long maxBytes() {
		return this.properties.maxBytes();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
