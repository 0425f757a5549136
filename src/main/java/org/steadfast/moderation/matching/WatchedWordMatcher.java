package org.steadfast.moderation.matching;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.steadfast.moderation.matching.WatchedWord.Action;

/**
 * Finds watched words in a text. Build one from the current list and share it: it is immutable and
 * thread-safe, and when moderators change the list the caller builds a new one.
 *
 * <p>Matching is on whole words after folding both sides (see {@link Normalizer}), so "ex" matches
 * "EX", "ｅｘ" and "ex's" but never "next" or "text". A multi-word phrase matches across any run of
 * spaces, punctuation, symbols or line breaks between its words. A word spelled out letter by letter
 * ("b a d", "b.a.d", "b-a-d": at most three characters between letters, on one line, no
 * apostrophes) counts as that word, but only as a whole: "x b a d" is the word "xbad". Leetspeak is
 * read too ("b4d", "$h1t"). Phrases with no letters or digits in them (an emoji, "!!!") can never
 * match and are ignored.
 */
public final class WatchedWordMatcher {

	/** One occurrence of a watched word, as offsets into the original text ({@code end} exclusive). */
	public record Match(WatchedWord word, int start, int end) {

		/** The text the member typed for this match. */
		public String in(String text) {
			return text.substring(start, end);
		}
	}

	private final List<WatchedWord> words;
	private final PhraseIndex index;

	public WatchedWordMatcher(Collection<WatchedWord> words) {
		this.words = List.copyOf(words);
		this.index = new PhraseIndex(this.words.stream().map(WatchedWord::phrase).toList());
	}

	/**
	 * Every occurrence of every watched word, ordered by start, longer matches first at the same start.
	 * Overlapping matches are all reported ("kill" and "kill myself" both match "kill myself"), and a
	 * {@code null} text has none.
	 */
	public List<Match> find(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return index.find(text).stream().map(hit -> new Match(words.get(hit.phrase()), hit.start(), hit.end())).toList();
	}

	/**
	 * The original text with every {@link Action#REPLACE} match replaced by its replacement and
	 * everything else, emoji and all, left exactly as typed. Where replace matches overlap, the
	 * leftmost wins, then the longest.
	 */
	public String replaceAll(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int copied = 0;
		boolean replaced = false;
		for (Match match : find(text)) {
			if (match.word().action() != Action.REPLACE || match.start() < copied) {
				continue;
			}
			out.append(text, copied, match.start());
			out.append(Objects.requireNonNullElse(match.word().replacement(), ""));
			copied = match.end();
			replaced = true;
		}
		if (!replaced) {
			return text;
		}
		out.append(text, copied, text.length());
		return out.toString();
	}

	/** The strongest action among the matches: BLOCK, then REQUIRE_APPROVAL, then FLAG, then REPLACE. */
	public Optional<Action> strongest(List<Match> matches) {
		if (matches == null) {
			return Optional.empty();
		}
		return matches.stream().map(match -> match.word().action()).min(Comparator.naturalOrder());
	}

	/** The watched words this matcher was built from. */
	public List<WatchedWord> words() {
		return words;
	}
}
