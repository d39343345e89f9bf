package id.otos.messaging.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the school's time zone ({@code otos.time-zone}, Jakarta by default)
 * and the reader's language: {@code ${@times.format(instant)}} in a template.
 */
@Component("times")
public class Times {

	private final ZoneId zone;

	Times(@Value("${otos.time-zone:Asia/Jakarta}") ZoneId zone) {
		this.zone = zone;
	}

	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(this.zone)
			.format(instant);
	}

}
