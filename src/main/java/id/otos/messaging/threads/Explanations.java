package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.otos.messaging.questions.ExplanationChange;
import id.otos.messaging.questions.Question;
import id.otos.messaging.questions.QuestionBank;
import id.otos.messaging.questions.QuestionNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrected explanation goes where it belongs: to the question itself
 * ({@code otosapp_question.explanation}, shown on otos's review pages), written by a
 * teacher of the question's category or an admin
 * ({@link ThreadAccess#mayPublishExplanation}), sanitized, audited with the text it
 * replaced (which can be restored), and every student who reported the question is told
 * in their thread.
 */
@Service
public class Explanations {

	private final QuestionBank questions;

	private final QuestionReports reports;

	private final MessageSource messages;

	private final Clock clock;

	Explanations(QuestionBank questions, QuestionReports reports, MessageSource messages, Clock clock) {
		this.questions = questions;
		this.reports = reports;
		this.messages = messages;
		this.clock = clock;
	}

	/** The changes made here to the question's explanation, newest first. */
	@Transactional(readOnly = true)
	public List<ExplanationChange> history(Viewer by, long questionId) {
		requirePublisher(by, questionId);
		return this.questions.explanationHistory(questionId);
	}

	/**
	 * Publishes the explanation. The same form twice publishes once.
	 * @return whether it changed anything (false for a resubmission)
	 */
	@Transactional
	public boolean publish(Viewer by, long questionId, String html, String submissionKey) {
		requirePublisher(by, questionId);
		Instant now = this.clock.instant();
		return this.questions.changeExplanation(questionId, by.userId(), html, submissionKey, now).map((change) -> {
			tell(by, questionId, now);
			return true;
		}).orElse(false);
	}

	/**
	 * Puts back, exactly, the text a change replaced, as a change of its own. The same
	 * form twice restores once.
	 */
	@Transactional
	public boolean restore(Viewer by, long questionId, long changeId, String submissionKey) {
		requirePublisher(by, questionId);
		Instant now = this.clock.instant();
		return this.questions.restoreExplanation(questionId, changeId, by.userId(), submissionKey, now)
			.map((change) -> {
				tell(by, questionId, now);
				return true;
			})
			.orElse(false);
	}

	private void tell(Viewer by, long questionId, Instant now) {
		// stored text, read by the student in the language of the school (Indonesian
		// first)
		String text = this.messages.getMessage("question.explanation.told", new Object[] { questionId },
				Locale.forLanguageTag("id"));
		this.reports.tellReporters(by, questionId, text, now);
	}

	private Question requirePublisher(Viewer by, long questionId) {
		Question question = this.questions.find(questionId).orElseThrow(QuestionNotFoundException::new);
		if (!ThreadAccess.mayPublishExplanation(by, question.categoryId())) {
			throw new QuestionNotFoundException();
		}
		return question;
	}

}
