package org.steadfast.moderation.matching;

/**
 * A folded string that remembers where each of its characters came from, so that a span found in
 * the folded form can be reported, highlighted or replaced in the text the member actually typed.
 * Folding changes lengths in both directions (a ligature grows, a zero-width space vanishes, a
 * surrogate pair can become one char), so a plain offset would point at the wrong place.
 */
public final class FoldedText {

	private final String original;
	private final String text;
	private final int[] from;
	private final int[] to;

	FoldedText(String original, String text, int[] from, int[] to) {
		this.original = original;
		this.text = text;
		this.from = from;
		this.to = to;
	}

	/** The text as typed. */
	public String original() {
		return original;
	}

	/** The folded text. */
	public String text() {
		return text;
	}

	public int length() {
		return text.length();
	}

	/** Original index where the folded char at {@code foldedIndex} starts. */
	public int originalStart(int foldedIndex) {
		if (foldedIndex >= text.length()) {
			return original.length();
		}
		return from[foldedIndex];
	}

	/** Original index just after the folded span that ends (exclusively) at {@code foldedEnd}. */
	public int originalEnd(int foldedEnd) {
		if (foldedEnd <= 0) {
			return 0;
		}
		return to[foldedEnd - 1];
	}

	/** The part of the original text behind a folded span; empty for an empty span. */
	public String originalSlice(int foldedStart, int foldedEnd) {
		if (foldedEnd <= foldedStart) {
			return "";
		}
		return original.substring(originalStart(foldedStart), originalEnd(foldedEnd));
	}

	/** The same offsets over a text of equal length, for one-for-one substitutions such as leetspeak. */
	FoldedText withText(String sameLengthText) {
		if (sameLengthText.length() != text.length()) {
			throw new IllegalArgumentException("a one-for-one substitution must keep the length");
		}
		return new FoldedText(original, sameLengthText, from, to);
	}
}
