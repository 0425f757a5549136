package org.steadfast.web.internal;

import java.text.ParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole numbers in URLs and forms (ids, versions, counts) are read as plain ASCII digits with an
 * optional leading minus, nothing else. Java's own parsing, and Spring's default conversion, also
 * take fullwidth and Arabic-Indic digits ("１２３", "١٢٣"), surrounding spaces, "+7" and hex such as
 * "0x1F", so that one id had many spellings; here each has exactly one, and anything else is a
 * type mismatch, answered by {@link BadInputErrors} with 404 or 400.
 */
@Configuration
class StrictNumbers implements WebMvcConfigurer {

	private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,19}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Long.class, new Strict<>(Long::parseLong));
		registry.addFormatterForFieldType(Integer.class, new Strict<>(Integer::parseInt));
	}

	/** Parses {@code text} if it is a plain ASCII integer, else throws a {@link NumberFormatException}. */
	static <T> T parse(String text, Function<String, T> parser) {
		if (text == null || !ASCII_INTEGER.matcher(text).matches()) {
			throw new NumberFormatException("not a plain number");
		}
		return parser.apply(text);
	}

	private record Strict<T extends Number>(Function<String, T> parser) implements Formatter<T> {

		@Override
		public T parse(String text, Locale locale) throws ParseException {
			return StrictNumbers.parse(text, parser);
		}

		@Override
		public String print(T value, Locale locale) {
			return value.toString();
		}
	}
}
