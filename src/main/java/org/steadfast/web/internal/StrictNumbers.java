package org.steadfast.web.internal;

import java.beans.PropertyEditorSupport;
import java.text.ParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole numbers in URLs and forms (ids, versions, counts) are read as plain ASCII digits with an
 * optional leading minus, nothing else. Java's own parsing, and Spring's default conversion, also
 * take fullwidth and Arabic-Indic digits ("１２３", "١٢٣"), surrounding spaces, "+7" and hex such as
 * "0x1F", so that one id had many spellings; here each has exactly one, and anything else is a
 * type mismatch, answered by {@link ErrorPages} with 400.
 *
 * <p>Both the binders' editors and the conversion service are set: a binder whose conversion fails
 * falls back to its default editors, which are the lenient ones.
 */
@Configuration
@ControllerAdvice
class StrictNumbers implements WebMvcConfigurer {

	private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,19}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Long.class, new Strict<>(Long::parseLong));
		registry.addFormatterForFieldType(Integer.class, new Strict<>(Integer::parseInt));
	}

	@InitBinder
	void strictNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Editor<>(Long::parseLong, false));
		binder.registerCustomEditor(Long.class, new Editor<>(Long::parseLong, true));
		binder.registerCustomEditor(int.class, new Editor<>(Integer::parseInt, false));
		binder.registerCustomEditor(Integer.class, new Editor<>(Integer::parseInt, true));
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

	private static final class Editor<T extends Number> extends PropertyEditorSupport {

		private final Function<String, T> parser;
		private final boolean allowEmpty;

		Editor(Function<String, T> parser, boolean allowEmpty) {
			this.parser = parser;
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			if (allowEmpty && (text == null || text.isEmpty())) {
				setValue(null);
			}
			else {
				setValue(parse(text, parser));
			}
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}
	}
}
