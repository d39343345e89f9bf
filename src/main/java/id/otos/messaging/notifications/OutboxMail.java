package id.otos.messaging.notifications;

/**
 * An e-mail in the outbox, rendered and addressed, with the Message-ID it keeps over
 * every delivery attempt.
 */
record OutboxMail(long id, String recipientEmail, String subject, String body, String messageId, int attempts) {

}
