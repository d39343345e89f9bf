package id.otos.messaging.questions;

import java.time.Instant;

/**
 * One change this application made to a question's explanation, as kept in
 * {@code otos_question_explanation_audit}: who, when, the text before and after (safe
 * HTML), so that the earlier text can be restored.
 *
 * @param id the change's id
 * @param questionId the question
 * @param changedBy who changed it (display name), or empty when the account is gone
 * @param previous the explanation before (safe HTML, empty when there was none)
 * @param next the explanation after (safe HTML)
 * @param at when
 */
public record ExplanationChange(long id, long questionId, String changedBy, String previous, String next, Instant at) {

}
