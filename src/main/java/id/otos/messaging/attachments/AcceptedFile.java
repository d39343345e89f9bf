package id.otos.messaging.attachments;

/**
 * A file that passed the checks: a cleaned name, the type its content shows, the bytes.
 */
public record AcceptedFile(String fileName, String contentType, byte[] content, String sha256) {

	public long size() {
		return this.content.length;
	}

}
