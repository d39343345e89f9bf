package id.otos.messaging.threads.web;

import id.otos.messaging.attachments.StoredFile;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.Viewer;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;

/**
 * Serves a message's attachment to those who may open its thread: images shown in the
 * page, everything else downloaded; never sniffed, never run as a page of ours.
 */
@Controller
class AttachmentController {

	private final ThreadPages pages;

	AttachmentController(ThreadPages pages) {
		this.pages = pages;
	}

	@GetMapping("/messages/thread/{id}/attachments/{messageId}/")
	ResponseEntity<byte[]> download(Viewer viewer, @PathVariable long id, @PathVariable long messageId) {
		StoredFile file = this.pages.attachment(viewer, id, messageId);
		MediaType type = MediaType.parseMediaType(file.contentType());
		ContentDisposition disposition = (type.getType().equals("image") ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(file.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag(file.sha256())
			.body(file.content());
	}

}
