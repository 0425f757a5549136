package org.steadfast.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Rules for short user-typed text (names, titles, tags). Control characters and bidirectional
 * overrides can make a name or title render as something other than what was typed, so they are
 * refused rather than silently stripped; the member is told and their text is kept.
 */
public final class PlainText {

	/** C0/C1 controls (except tab, CR, LF), bidi embedding/override/isolate marks, zero-width joiners used for spoofing. */
	private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u200E\\u200F\\u061C\\uFEFF]");

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]");

	private PlainText() {
	}

	/** True when the text holds characters that no name, title or post may contain. */
	public static boolean hasForbiddenCharacters(String text) {
		return text != null && FORBIDDEN.matcher(text).find();
	}

	/** True when a single-line value (a name or title) holds a line break or tab. */
	public static boolean hasLineBreaks(String text) {
		return text != null && LINE_BREAKS.matcher(text).find();
	}

	/** NFC-normalised and trimmed, so that look-alike compositions compare and count equally. */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
	}

	/** Length in code points, which is what a person counts (an emoji is one character). */
	public static int length(String text) {
		return text == null ? 0 : text.codePointCount(0, text.length());
	}
}
