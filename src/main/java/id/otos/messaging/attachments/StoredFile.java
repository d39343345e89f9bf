package id.otos.messaging.attachments;

/**
 * An attachment as it is served: name, type, bytes.
 */
public record StoredFile(String fileName, String contentType, byte[] content, String sha256) {

}
