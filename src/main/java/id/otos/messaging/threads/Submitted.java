package id.otos.messaging.threads;

/**
 * A message already sent under a form's submission key: what a resubmission of the form
 * answers with, read without loading the message itself.
 *
 * @param messageId the message
 * @param threadId its thread
 */
record Submitted(long messageId, long threadId) {
}
