package id.otos.messaging.threads;

import java.time.Instant;

/**
 * A thread with messages a person has not read: how many, the newest one's id, and when
 * the oldest one they have not yet been told about was posted (null if none).
 */
public record UnreadThread(long threadId, String title, long unread, long newestMessageId, Instant oldestNewAt) {

}
