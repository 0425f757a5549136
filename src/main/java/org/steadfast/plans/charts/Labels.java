package org.steadfast.plans.charts;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything a chart needs from the page: a prefix for element ids (two charts on one page must
 * not share ids, or aria-labelledby would name the wrong picture), the reader's locale for month
 * and weekday names, and the message texts.
 *
 * <p>{@code messages} returns the finished text for a key, the way
 * {@code messageSource.getMessage(key, null, locale)} does. Placeholders {@code {0}}, {@code {1}}
 * that are still in that text are filled in here by plain substitution rather than by
 * {@code MessageFormat}, so the apostrophes the message source has already unescaped are not
 * treated as quotes a second time.
 */
public record Labels(String idPrefix, Locale locale, Function<String, String> messages) {

	private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

	/** The prefix ends up inside id and aria-labelledby attributes, so only name-safe characters are allowed. */
	public Labels {
		Objects.requireNonNull(idPrefix, "idPrefix");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(messages, "messages");
		if (!ID_PREFIX.matcher(idPrefix).matches()) {
			throw new IllegalArgumentException("idPrefix must be a letter followed by letters, digits, - or _: " + idPrefix);
		}
	}

	String id(String suffix) {
		return idPrefix + "-" + suffix;
	}

	/** A missing message shows its key rather than failing the whole page. */
	String text(String key, Object... args) {
		String template = messages.apply(key);
		if (template == null) {
			template = key;
		}
		if (args.length == 0 || template.indexOf('{') < 0) {
			return template;
		}
		StringBuilder out = new StringBuilder(template.length() + 16);
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			int close = c == '{' ? template.indexOf('}', i) : -1;
			int index = close > i + 1 ? argumentIndex(template, i + 1, close) : -1;
			if (index >= 0 && index < args.length) {
				out.append(args[index]);
				i = close + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static int argumentIndex(String template, int from, int to) {
		if (to - from > 2) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = template.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	DateTimeFormatter format(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, locale);
	}
}
