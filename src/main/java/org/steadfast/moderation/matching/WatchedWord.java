package org.steadfast.moderation.matching;

import java.util.Objects;

/**
 * A literal word or phrase that moderators want to act on. The phrase is never treated as a
 * pattern: it is folded like the text (see {@link Normalizer}) and matched on whole words.
 *
 * @param id the caller's identifier, carried through to matches untouched
 * @param phrase one or more words; punctuation and spacing inside it only separate words
 * @param action what the caller should do when the phrase occurs
 * @param replacement the text that {@link WatchedWordMatcher#replaceAll} puts in place of a
 *     {@link Action#REPLACE} match; {@code null} there removes the match, and it is ignored for other
 *     actions
 */
public record WatchedWord(long id, String phrase, Action action, String replacement) {

	/** Ordered from strongest to weakest, which is the order {@link WatchedWordMatcher#strongest} relies on. */
	public enum Action {
		BLOCK, REQUIRE_APPROVAL, FLAG, REPLACE
	}

	public WatchedWord {
		Objects.requireNonNull(phrase, "phrase");
		Objects.requireNonNull(action, "action");
	}
}
