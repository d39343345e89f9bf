package id.otos.messaging.attachments;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message's attachment, stored in the database so every app node can serve it.
 */
@Entity
@Table(name = "otos_message_attachment")
class StoredAttachment {

	@Id
	@Column(name = "message_id")
	private Long messageId;

	@Column(name = "file_name", nullable = false, length = 255)
	private String fileName;

	@Column(name = "content_type", nullable = false, length = 100)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long sizeBytes;

	@Column(nullable = false, length = 64)
	private String sha256;

	@Basic(fetch = FetchType.LAZY)
	@Column(nullable = false)
	private byte[] content;

	protected StoredAttachment() {
	}

	StoredAttachment(long messageId, AcceptedFile file) {
		this.messageId = messageId;
		this.fileName = file.fileName();
		this.contentType = file.contentType();
		this.sizeBytes = file.size();
		this.sha256 = file.sha256();
		this.content = file.content();
	}

	StoredFile toStoredFile() {
		return new StoredFile(this.fileName, this.contentType, this.content, this.sha256);
	}

}
