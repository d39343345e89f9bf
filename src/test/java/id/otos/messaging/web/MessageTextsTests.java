package id.otos.messaging.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts people read: both languages name the same keys, and a text with arguments
 * (formatted by {@link MessageFormat}, where a lone apostrophe starts a quote and
 * disappears) loses none of its apostrophes.
 */
class MessageTextsTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void aTextWithArgumentsKeepsItsApostrophes(String file) throws IOException {
		Properties texts = load(file);
		List<String> eaten = new ArrayList<>();
		for (String key : texts.stringPropertyNames()) {
			String text = texts.getProperty(key);
			if (text.matches("(?s).*\\{\\d.*")) {
				Object[] arguments = { 1, 2, 3, 4, 5 };
				String shown = new MessageFormat(text, Locale.ROOT).format(arguments);
				long before = text.replace("''", "'").chars().filter((c) -> c == '\'').count();
				long after = shown.chars().filter((c) -> c == '\'').count();
				if (after != before) {
					eaten.add(key + ": " + shown);
				}
			}
		}
		assertThat(eaten).as("write each apostrophe of a text with {0}-style arguments twice ('')").isEmpty();
	}

	@Test
	void bothLanguagesNameTheSameTexts() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	private static Properties load(String file) throws IOException {
		Properties texts = new Properties();
		try (InputStream in = MessageTextsTests.class.getResourceAsStream("/" + file)) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return texts;
	}

}
