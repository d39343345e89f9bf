package id.otos.messaging.threads;

import java.time.Instant;

/**
 * An internal note as the thread page shows it to staff: who wrote it (null if their
 * account is gone), when, and whether the viewer wrote it.
 */
public record NoteView(long id, Long authorId, String authorName, String content, Instant createdAt, boolean mine) {

}
