package id.otos.messaging.accounts;

/**
 * A stored profile picture, ready to serve: its detected content type, its bytes (not
 * copied: do not change them), and its version, which changes with every new picture.
 */
public record PictureContent(String contentType, byte[] bytes, String version) {

}
