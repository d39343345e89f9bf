package id.otos.messaging.questions;

import java.util.List;

/**
 * One of otos's questions as a report shows it: every text already sanitized
 * ({@link QuestionHtml}).
 *
 * @param id otos's question id
 * @param categoryId its category
 * @param categoryName the category's name
 * @param text the question's text (safe HTML)
 * @param choices its choices in otos's order (safe HTML), none for an essay
 * @param explanation its explanation (safe HTML), empty when it has none
 */
public record Question(long id, long categoryId, String categoryName, String text, List<String> choices,
		String explanation) {

	public Question {
		choices = List.copyOf(choices);
	}

	public boolean hasExplanation() {
		return !this.explanation.isBlank();
	}

}
