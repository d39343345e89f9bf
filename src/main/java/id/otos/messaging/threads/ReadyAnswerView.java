package id.otos.messaging.threads;

/**
 * A ready answer as its list shows it: whether it is shared, and whether the viewer may
 * change it.
 */
public record ReadyAnswerView(long id, String title, String content, boolean shared, boolean editable) {

}
