package org.steadfast.moderation.matching;

import java.util.List;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * Finds one kind of contact detail for {@link PersonalInfoDetector}. A scanner only reports spans
 * of the folded text; the detector sorts them, drops the ones lying inside another and maps them
 * back to what the member typed, so that every scanner is free to overlap the others.
 */
interface ContactScanner {

	/** Where a contact detail lies in the folded text ({@code end} exclusive). */
	record Span(Kind kind, int start, int end) {
	}

	/**
	 * Adds the spans found in {@code text}, a folded text without the leetspeak reading (which would
	 * turn digits into letters), to {@code out}. {@code words} are the words of that same text, for
	 * the scanners that look at the words around a candidate.
	 */
	void scan(String text, Tokens words, List<Span> out);
}
