package id.otos.messaging.threads.web;

import java.time.Duration;
import java.util.Optional;

import id.otos.messaging.accounts.PictureContent;
import id.otos.messaging.accounts.ProfilePictures;
import id.otos.messaging.threads.PictureAudience;
import id.otos.messaging.threads.Viewer;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves profile pictures to the people who may see them ({@link PictureAudience}); to
 * anyone else a picture answers exactly as one that does not exist (404). It lives with
 * the threads because who shares a thread with whom decides. Pages link to
 * {@code /accounts/{id}/picture?v={version}}: such a URL never changes its content, so
 * browsers keep it for a year; without (or with an old) {@code v} the browser must
 * revalidate with the ETag.
 */
@Controller
class ProfilePictureController {

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

	private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

	private final ProfilePictures pictures;

	private final PictureAudience audience;

	ProfilePictureController(ProfilePictures pictures, PictureAudience audience) {
		this.pictures = pictures;
		this.audience = audience;
	}

	@GetMapping("/accounts/{id}/picture")
	ResponseEntity<byte[]> picture(Viewer viewer, @PathVariable long id,
			@RequestParam(name = "v", required = false) String v, WebRequest request) {
		Optional<String> version = this.audience.maySee(viewer, id) ? this.pictures.version(id) : Optional.empty();
		if (version.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		CacheControl caching = version.get().equals(v) ? VERSIONED : REVALIDATE;
		if (request.checkNotModified(etag(version.get()))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(caching).build();
		}
		Optional<PictureContent> picture = this.pictures.content(id);
		return picture
			.map((content) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(content.contentType()))
				.eTag(etag(content.version()))
				.cacheControl(caching)
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.body(content.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static String etag(String version) {
		return "\"" + version + "\"";
	}

}
