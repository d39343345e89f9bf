package id.otos.messaging.threads;

/**
 * Status, priority and handler as the one triage form sets them: {@code null} status or
 * priority leaves it as it is; {@code handlerId} is who should hold the thread
 * ({@code null}: nobody, back to the queue), with an optional note to them.
 */
public record Triage(ThreadStatus status, Priority priority, Long handlerId, String note) {

}
