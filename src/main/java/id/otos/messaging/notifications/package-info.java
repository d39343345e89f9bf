/**
 * Live updates: what happens to threads, told within a second to the open pages of the
 * people who may see it, on every app node.
 *
 * <p>
 * A committed {@link id.otos.messaging.threads.ThreadEvents thread event} becomes a small
 * {@link id.otos.messaging.notifications.ThreadSignal} (ids only, never content), which
 * an {@link id.otos.messaging.notifications.EventBus} carries to every node (PostgreSQL
 * {@code LISTEN/NOTIFY}, or in-process on the embedded database). Each node asks the
 * threads' own access rule, per connected person, whether they may see the thread, and
 * tells only those (Server-Sent Events); their pages then fetch what changed with the
 * same rules as any page.
 *
 * <p>
 * Streams are written without ever waiting for a reader
 * ({@link id.otos.messaging.notifications.LiveStream}), held within a session's, a
 * person's and the node's caps ({@link id.otos.messaging.notifications.LiveClients},
 * {@code otos.live.*}), and end with their session
 * ({@link id.otos.messaging.notifications.StreamSessions}); see
 * {@code docs/decisions/0012-live-streams-never-wait-for-a-reader.md}.
 */
package id.otos.messaging.notifications;
