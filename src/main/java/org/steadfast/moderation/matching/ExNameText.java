package org.steadfast.moderation.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How an entry of a private ex-name list and a post's text are compared without the list ever
 * being kept in words. An entry is its folded words (see {@link Normalizer}: case, accents and
 * look-alike letters do not matter; punctuation separates words), at most {@value #MAX_WORDS} of
 * them, or, for a phone number, its last {@value #NUMBER_DIGITS} digits, so that "+44 7700 900123"
 * and "07700 900123" are the same entry. The caller turns words into keyed fingerprints with the
 * function it passes in; this class never sees the key.
 * <p>
 * Matching is by whole words, like the watched words: "Sam" holds "sam's" and "SAM", never "same".
 */
public final class ExNameText {

	public static final int MAX_WORDS = 4;
	public static final int MAX_LENGTH = 80;
	static final int NUMBER_DIGITS = 9;
	private static final int MIN_NUMBER_DIGITS = 7;

	/** Words that would hold nearly every post; an entry of only these is refused. */
	private static final Set<String> TOO_COMMON = Set.of("a", "an", "the", "and", "or", "but", "i", "me", "my", "mine",
			"you", "your", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "we", "us", "our", "it",
			"is", "am", "are", "was", "be", "to", "of", "in", "on", "at", "for", "with", "not", "no", "yes", "so",
			"ex", "exes", "boyfriend", "girlfriend", "partner", "husband", "wife", "friend", "friends", "day", "days",
			"love", "contact", "today", "just", "like", "that", "this", "what", "do", "did", "have", "had");

	/** Why an entry cannot be kept: the message key, said on the form. */
	public enum Problem {
		EMPTY("exNames.empty"), TOO_LONG("exNames.tooLong"), TOO_MANY_WORDS("exNames.tooManyWords"),
		TOO_SHORT("exNames.tooShort"), TOO_COMMON("exNames.tooCommon");

		private final String messageKey;

		Problem(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	/** An entry as it is compared: its words, or one word of digits for a number. */
	public record Entry(List<String> words) {

		public String phrase() {
			return String.join(" ", words);
		}

		public String first() {
			return words.get(0);
		}
	}

	/** A stored entry as the matcher needs it: fingerprints only, and whose list it is on. */
	public record Stored(long owner, String firstKey, String entryKey, int words) {
	}

	/** A place in the original text where a listed entry stands. */
	public record Hit(long owner, int start, int end) {
	}

	private ExNameText() {
	}

	/** The entry a member typed, or why it cannot be one. */
	public static Result entry(String typed) {
		if (typed == null || typed.isBlank()) {
			return new Result(null, Problem.EMPTY);
		}
		if (typed.length() > MAX_LENGTH) {
			return new Result(null, Problem.TOO_LONG);
		}
		String digits = digitsOf(typed);
		if (digits.length() >= MIN_NUMBER_DIGITS && digits.length() * 2 >= typed.replaceAll("\\s", "").length()) {
			return new Result(new Entry(List.of(numberKey(digits))), null);
		}
		Tokens tokens = Tokens.of(Normalizer.foldWithOffsets(typed));
		if (tokens.size() == 0) {
			return new Result(null, Problem.EMPTY);
		}
		if (tokens.size() > MAX_WORDS) {
			return new Result(null, Problem.TOO_MANY_WORDS);
		}
		List<String> words = List.of(tokens.words);
		if (words.stream().allMatch(TOO_COMMON::contains)) {
			return new Result(null, Problem.TOO_COMMON);
		}
		if (words.size() == 1 && words.get(0).codePointCount(0, words.get(0).length()) < 2) {
			return new Result(null, Problem.TOO_SHORT);
		}
		return new Result(new Entry(words), null);
	}

	/** Either an entry or a problem. */
	public record Result(Entry entry, Problem problem) {

		public Optional<Entry> value() {
			return Optional.ofNullable(entry);
		}
	}

	/** A text prepared for matching: its words with their original offsets, and its phone numbers. */
	public static Candidates of(String text) {
		String original = text == null ? "" : text;
		FoldedText folded = Normalizer.foldWithOffsets(original);
		Tokens tokens = Tokens.of(folded);
		int n = tokens.size();
		int[] starts = new int[n];
		int[] ends = new int[n];
		for (int i = 0; i < n; i++) {
			starts[i] = folded.originalStart(tokens.starts[i]);
			ends[i] = folded.originalEnd(tokens.ends[i]);
		}
		List<Number> numbers = new ArrayList<>();
		for (var located : new PersonalInfoDetector().locate(original)) {
			if (located.finding().kind() == PersonalInfoDetector.Kind.PHONE) {
				numbers.add(new Number(numberKey(digitsOf(located.finding().excerpt())), located.start(), located.end()));
			}
		}
		for (int i = 0; i < n; i++) {
			String word = tokens.words[i];
			if (word.length() >= MIN_NUMBER_DIGITS && word.chars().allMatch(Character::isDigit)) {
				numbers.add(new Number(numberKey(word), starts[i], ends[i]));
			}
		}
		return new Candidates(tokens.words, starts, ends, numbers);
	}

	record Number(String digits, int start, int end) {
	}

	/** The words and numbers of a text, ready to be looked up and matched. */
	public static final class Candidates {

		private final String[] words;
		private final int[] starts;
		private final int[] ends;
		private final List<Number> numbers;

		Candidates(String[] words, int[] starts, int[] ends, List<Number> numbers) {
			this.words = words;
			this.starts = starts;
			this.ends = ends;
			this.numbers = numbers;
		}

		public boolean isEmpty() {
			return words.length == 0 && numbers.isEmpty();
		}

		/** The fingerprints of every distinct word and number: what to look stored entries up by. */
		public Set<String> lookupKeys(UnaryOperator<String> key) {
			Set<String> keys = new LinkedHashSet<>();
			for (String word : words) {
				keys.add(key.apply(word));
			}
			for (Number number : numbers) {
				keys.add(key.apply(number.digits()));
			}
			return keys;
		}

		/** Where the stored entries stand in the text, in text order. */
		public List<Hit> hits(List<Stored> entries, UnaryOperator<String> key) {
			List<Hit> hits = new ArrayList<>();
			if (entries.isEmpty()) {
				return List.of();
			}
			Map<String, List<Stored>> byFirst = new HashMap<>();
			for (Stored entry : entries) {
				byFirst.computeIfAbsent(entry.firstKey(), k -> new ArrayList<>()).add(entry);
			}
			for (int i = 0; i < words.length; i++) {
				List<Stored> candidates = byFirst.get(key.apply(words[i]));
				if (candidates == null) {
					continue;
				}
				for (Stored entry : candidates) {
					int last = i + entry.words() - 1;
					if (last < words.length && key.apply(phrase(i, last)).equals(entry.entryKey())) {
						hits.add(new Hit(entry.owner(), starts[i], ends[last]));
					}
				}
			}
			for (Number number : numbers) {
				for (Stored entry : byFirst.getOrDefault(key.apply(number.digits()), List.of())) {
					if (entry.words() == 1 && entry.entryKey().equals(entry.firstKey())) {
						hits.add(new Hit(entry.owner(), number.start(), number.end()));
					}
				}
			}
			// A number can be both a phone number and a word of digits: each place once.
			return hits.stream().distinct().sorted(Comparator.comparingInt(Hit::start)).toList();
		}

		private String phrase(int from, int to) {
			if (from == to) {
				return words[from];
			}
			StringBuilder phrase = new StringBuilder(words[from]);
			for (int i = from + 1; i <= to; i++) {
				phrase.append(' ').append(words[i]);
			}
			return phrase.toString();
		}
	}

	/** {@code text} with each hit replaced by {@code replacement}; overlapping hits count once. */
	public static String replace(String text, List<Hit> hits, String replacement) {
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (Hit hit : hits) {
			if (hit.start() < at) {
				continue;
			}
			out.append(text, at, hit.start()).append(replacement);
			at = hit.end();
		}
		return out.append(text.substring(at)).toString();
	}

	private static String digitsOf(String text) {
		StringBuilder digits = new StringBuilder();
		text.codePoints().filter(c -> c >= '0' && c <= '9').forEach(digits::appendCodePoint);
		return digits.toString();
	}

	private static String numberKey(String digits) {
		String d = digits.toLowerCase(Locale.ROOT);
		return d.length() <= NUMBER_DIGITS ? d : d.substring(d.length() - NUMBER_DIGITS);
	}
}
