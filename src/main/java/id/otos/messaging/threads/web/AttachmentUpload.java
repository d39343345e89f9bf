package id.otos.messaging.threads.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.attachments.AttachmentRejected;
import id.otos.messaging.attachments.Attachments;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads the optional {@code attachment} of a form. A refused file leaves a message for
 * the page in the model under {@code attachmentError}, and the caller shows the form
 * again.
 */
@Component
class AttachmentUpload {

	private final Attachments attachments;

	private final MessageSource messages;

	AttachmentUpload(Attachments attachments, MessageSource messages) {
		this.attachments = attachments;
		this.messages = messages;
	}

	/** The accepted file, or {@code null} when none was sent or it was refused. */
	AcceptedFile read(MultipartFile file, Model model) {
		if (file == null
				|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
			return null;
		}
		try {
			return this.attachments.accept(file.getOriginalFilename(), file.getBytes());
		}
		catch (AttachmentRejected ex) {
			model.addAttribute("attachmentError",
					this.messages.getMessage(ex.getMessage(), ex.arguments(), LocaleContextHolder.getLocale()));
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long maxMegabytes() {
		return this.attachments.maxBytes() / (1024 * 1024);
	}

}
