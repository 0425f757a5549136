package org.steadfast.text;

import java.util.regex.Pattern;

/** Short previews of posts for topic lists, search results and notifications. */
public final class Excerpts {

	static final String ELLIPSIS = "…";

	/** Separators that look odd right before an ellipsis ("well, …"). */
	private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;:\\p{Pd}]+$");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private Excerpts() {
	}

	/**
	 * The text if it fits in {@code maxChars}, otherwise its longest prefix that ends at a word
	 * boundary followed by "…", the whole no longer than {@code maxChars}. A single word longer than
	 * the limit is cut mid-word rather than dropped. Never ends on half of a surrogate pair, which
	 * would render as a replacement character.
	 */
	public static String excerpt(String plainText, int maxChars) {
		if (maxChars < 1) {
			throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
		}
		String text = plainText == null ? "" : WHITESPACE.matcher(plainText).replaceAll(" ").strip();
		if (text.length() <= maxChars) {
			return text;
		}
		int end = maxChars - ELLIPSIS.length();
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		if (!Character.isWhitespace(text.charAt(end))) {
			int lastSpace = text.lastIndexOf(' ', end - 1);
			if (lastSpace > 0) {
				end = lastSpace;
			}
		}
		String cut = TRAILING_SEPARATORS.matcher(text.substring(0, end)).replaceAll("");
		return cut + ELLIPSIS;
	}
}
