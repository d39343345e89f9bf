package id.otos.messaging.schema;

import id.otos.messaging.schema.H2Modes.H2ModeException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in one line why the application did not start on an H2 URL it cannot run with
 * ({@link H2Modes}), instead of a stack trace.
 */
class H2ModeFailureAnalyzer extends AbstractFailureAnalyzer<H2ModeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, H2ModeException cause) {
		return new FailureAnalysis(cause.getMessage(), "Correct spring.datasource.url as said above.", cause);
	}

}
