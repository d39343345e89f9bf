package id.otos.messaging.accounts.web;

import org.springframework.web.multipart.MultipartFile;

/**
 * The uploaded profile picture. What it is, is decided by its content, not by its name or
 * the type the browser sent.
 */
record PictureForm(MultipartFile picture) {

	boolean isEmpty() {
		return this.picture == null || this.picture.isEmpty();
	}

}
