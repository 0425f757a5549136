package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

/**
 * Messages go through MessageFormat (spring.messages.always-use-message-format), where a lone
 * apostrophe starts a quote and disappears: "can't" would read "cant". Every message, rendered
 * as the pages render it, keeps every apostrophe its text holds.
 */
class MessageApostrophesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	@Test
	void everyRenderedMessageKeepsItsApostrophes() throws IOException {
		Properties raw = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
			raw.load(in);
		}
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		messages.setFallbackToSystemLocale(false);

		Set<String> losing = new TreeSet<>();
		for (String key : raw.stringPropertyNames()) {
			String text = raw.getProperty(key);
			long expected = text.replace("''", "'").chars().filter(c -> c == '\'').count();
			String rendered = messages.getMessage(key, arguments(text), Locale.ENGLISH);
			long kept = rendered.chars().filter(c -> c == '\'').count();
			if (kept < expected) {
				losing.add(key + " -> " + rendered);
			}
		}
		assertThat(raw.stringPropertyNames()).hasSizeGreaterThan(500);
		assertThat(losing).as("messages that lose an apostrophe (write it as '' in messages.properties)").isEmpty();
	}

	@Test
	void theCheckSeesALoneApostropheDisappear() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setAlwaysUseMessageFormat(true);
		messages.addMessage("lone", Locale.ENGLISH, "You can't");
		messages.addMessage("doubled", Locale.ENGLISH, "You can''t");
		assertThat(messages.getMessage("lone", null, Locale.ENGLISH)).isEqualTo("You cant");
		assertThat(messages.getMessage("doubled", null, Locale.ENGLISH)).isEqualTo("You can't");
	}

	/** One plain number per placeholder, so that choice formats take a branch and nothing adds an apostrophe. */
	private static Object[] arguments(String text) {
		int count = 0;
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
		}
		Object[] args = new Object[count];
		for (int i = 0; i < count; i++) {
			args[i] = 2;
		}
		return args;
	}
}
