package org.steadfast.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed into the search box, as words and "quoted phrases". Nothing typed is ever
 * handed to a query language: operators, wildcards, brackets and backslashes are simply not
 * words, so no input can make a query fail or run away.
 *
 * @param words the words outside quotes, in order, without duplicates
 * @param phrases the quoted phrases of two or more words
 * @param shown the cleaned text, to put back into the search box
 */
public record QueryText(List<String> words, List<String> phrases, String shown) {

	/** Longer input is cut: no one types more, and every word costs query time. */
	public static final int MAX_CHARS = 200;
	static final int MAX_WORDS = 10;
	static final int MAX_PHRASES = 4;

	/**
	 * Words that say little about what someone looks for. They stay in the index (so that
	 * "no contact" still matches as a phrase) but a query does not require them.
	 */
	static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if",
			"in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
			"these", "they", "this", "to", "was", "will", "with", "i", "im", "i'm", "me", "my", "we", "our", "you",
			"your", "he", "him", "his", "she", "her", "them", "its", "it's", "what", "how", "when", "who", "do",
			"does", "did", "am", "have", "has", "had", "should", "would", "could", "can", "so", "just", "about",
			"from", "up", "out", "all", "any", "some", "been", "being", "were", "after", "ex", "ex's");

	/** Controls, format characters (bidi overrides, zero-width joiners) and unpaired surrogates. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");
	private static final Pattern QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033\\uFF02]");
	private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\uFF07]");
	private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*(?:'[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*)*");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	public static final QueryText EMPTY = new QueryText(List.of(), List.of(), "");

	public static QueryText parse(String typed) {
		if (typed == null || typed.isBlank()) {
			return EMPTY;
		}
		String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
		text = INVISIBLE.matcher(text).replaceAll(" ");
		text = QUOTES.matcher(text).replaceAll("\"");
		text = APOSTROPHES.matcher(text).replaceAll("'");
		text = SPACES.matcher(truncate(text.strip(), MAX_CHARS)).replaceAll(" ").strip();

		List<String> phrases = new ArrayList<>();
		Set<String> words = new LinkedHashSet<>();
		Matcher phrase = PHRASE.matcher(text);
		StringBuilder rest = new StringBuilder();
		while (phrase.find()) {
			List<String> inside = words(phrase.group(1));
			if (inside.size() > 1 && phrases.size() < MAX_PHRASES) {
				phrases.add(String.join(" ", inside));
			}
			else {
				inside.forEach(w -> add(words, w));
			}
			phrase.appendReplacement(rest, " ");
		}
		phrase.appendTail(rest);
		// An unbalanced quote is just a quote: the words after it count as words.
		words(rest.toString()).forEach(w -> add(words, w));
		return new QueryText(List.copyOf(words), List.copyOf(phrases), text);
	}

	public boolean isEmpty() {
		return words.isEmpty() && phrases.isEmpty();
	}

	/** The words that say what is looked for: the typed ones without stop words. */
	public List<String> meaningfulWords() {
		return words.stream().filter(w -> !STOP_WORDS.contains(w.toLowerCase(Locale.ROOT))).toList();
	}

	/**
	 * The words a match should contain: the meaningful ones, or every word when only stop words
	 * were typed (someone searching "what now" still gets an answer).
	 */
	public List<String> wordsToMatch() {
		List<String> meaningful = meaningfulWords();
		return meaningful.isEmpty() && phrases.isEmpty() ? words : meaningful;
	}

	/**
	 * What to look for, slot by slot: each meaningful word, or a run of words the forum knows
	 * other words for (see {@link Synonyms}); every word when only stop words were typed.
	 */
	public List<Synonyms.Slot> slots(Synonyms synonyms) {
		List<Synonyms.Slot> slots = synonyms.slots(words, STOP_WORDS::contains);
		if (slots.isEmpty() && phrases.isEmpty()) {
			return words.stream().map(w -> new Synonyms.Slot(w, List.of())).toList();
		}
		return slots;
	}

	/** The same search with other words, quoted phrases kept: for "did you mean". */
	public QueryText withWords(List<String> replaced) {
		StringBuilder text = new StringBuilder(String.join(" ", replaced));
		for (String p : phrases) {
			text.append(text.isEmpty() ? "" : " ").append('"').append(p).append('"');
		}
		return new QueryText(List.copyOf(replaced), phrases, text.toString());
	}

	private static void add(Set<String> words, String word) {
		if (words.size() < MAX_WORDS && words.stream().noneMatch(w -> w.equalsIgnoreCase(word))) {
			words.add(word);
		}
	}

	private static List<String> words(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	/** At most {@code max} code points, never splitting a surrogate pair. */
	private static String truncate(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}
}
