package org.steadfast.moderation.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of a folded text: maximal runs of letters and digits, everything else being a
 * separator. Whole-word matching is then a comparison of words, never of substrings, so "ex" can
 * only ever match the word "ex" and never the middle of "next"; and since nothing is ever retried,
 * there is no backtracking to exploit. Apostrophes separate too ("can't" is "can" "t"), which lets
 * "ex" match "ex's"; phrase variants without the apostrophe cover "cant".
 */
final class Tokens {

	/** Longest gap between the letters of a spelled-out word such as "b.a.d" or "b - a - d". */
	static final int MAX_SPELLED_GAP = 3;

	final FoldedText source;
	final String[] words;
	final int[] starts;
	final int[] ends;

	private Tokens(FoldedText source, String[] words, int[] starts, int[] ends) {
		this.source = source;
		this.words = words;
		this.starts = starts;
		this.ends = ends;
	}

	int size() {
		return words.length;
	}

	static Tokens of(FoldedText folded) {
		String s = folded.text();
		int n = s.length();
		List<String> words = new ArrayList<>();
		int[] starts = new int[16];
		int[] ends = new int[16];
		int i = 0;
		while (i < n) {
			int cp = s.codePointAt(i);
			if (!Character.isLetterOrDigit(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			while (i < n) {
				int c = s.codePointAt(i);
				if (!Character.isLetterOrDigit(c)) {
					break;
				}
				i += Character.charCount(c);
			}
			if (words.size() == starts.length) {
				starts = Arrays.copyOf(starts, starts.length * 2);
				ends = Arrays.copyOf(ends, ends.length * 2);
			}
			starts[words.size()] = start;
			ends[words.size()] = i;
			words.add(s.substring(start, i));
		}
		return new Tokens(folded, words.toArray(String[]::new), Arrays.copyOf(starts, words.size()),
				Arrays.copyOf(ends, words.size()));
	}

	/** Index of the first word starting at or after {@code position}, or {@link #size()} if none does. */
	int firstWordFrom(int position) {
		int low = 0;
		int high = size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (starts[mid] < position) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/**
	 * The same words, but with every run of two or more single letters separated by short gaps on one
	 * line ("b a d", "b.a.d", "s-t-f-u") joined into one word. Returns {@code this} when there is no
	 * such run. Only whole runs are joined, so a phrase still has to match the entire spelled-out word.
	 */
	Tokens joinSpelledOut() {
		int n = size();
		List<String> joinedWords = null;
		int[] joinedStarts = null;
		int[] joinedEnds = null;
		int out = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && isSingleLetter(j) && isSingleLetter(j + 1) && isShortGap(ends[j], starts[j + 1])) {
				j++;
			}
			if (j > i && joinedWords == null) {
				joinedWords = new ArrayList<>(Arrays.asList(words).subList(0, i));
				joinedStarts = Arrays.copyOf(starts, n);
				joinedEnds = Arrays.copyOf(ends, n);
				out = i;
			}
			if (joinedWords != null) {
				if (j > i) {
					StringBuilder joined = new StringBuilder(j - i + 1);
					for (int k = i; k <= j; k++) {
						joined.append(words[k]);
					}
					joinedWords.add(joined.toString());
				}
				else {
					joinedWords.add(words[i]);
				}
				joinedStarts[out] = starts[i];
				joinedEnds[out] = ends[j];
				out++;
			}
			i = j + 1;
		}
		if (joinedWords == null) {
			return this;
		}
		return new Tokens(source, joinedWords.toArray(String[]::new), Arrays.copyOf(joinedStarts, out),
				Arrays.copyOf(joinedEnds, out));
	}

	private boolean isSingleLetter(int index) {
		String word = words[index];
		int cp = word.codePointAt(0);
		return Character.charCount(cp) == word.length() && Character.isLetter(cp);
	}

	private boolean isShortGap(int from, int to) {
		if (to - from > MAX_SPELLED_GAP) {
			return false;
		}
		String s = source.text();
		for (int k = from; k < to; k++) {
			char c = s.charAt(k);
			// A line break ends a thought, and an apostrophe marks a contraction ("I'm a"), not spelling.
			if (c == '\n' || c == '\r' || isApostrophe(c)) {
				return false;
			}
		}
		return true;
	}

	static boolean isApostrophe(int c) {
		return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4';
	}

	/** The phrase with apostrophes between letters removed, or {@code null} if it has none. */
	static String withoutApostrophes(String phrase) {
		StringBuilder out = null;
		for (int i = 0; i < phrase.length(); i++) {
			char c = phrase.charAt(i);
			boolean inWord = isApostrophe(c) && i > 0 && i + 1 < phrase.length()
					&& Character.isLetterOrDigit(phrase.charAt(i - 1)) && Character.isLetterOrDigit(phrase.charAt(i + 1));
			if (inWord) {
				if (out == null) {
					out = new StringBuilder(phrase.substring(0, i));
				}
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return out == null ? null : out.toString();
	}
}
