package id.otos.messaging.threads;

/**
 * A ready answer offered in a thread's reply box, its placeholders filled in for that
 * thread.
 */
public record ReadyAnswerChoice(long id, String title, String text, boolean shared) {

}
