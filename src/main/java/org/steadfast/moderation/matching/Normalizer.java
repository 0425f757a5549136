package org.steadfast.moderation.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical form text is compared in, so that a watched word cannot be dodged with look-alike
 * letters, invisible characters, accents, fullwidth or "mathematical" letters, and so that every
 * matcher in this package agrees on what a word is.
 *
 * <p>{@link #fold} applies, per code point: NFKC; removal of format characters (every {@code Cf},
 * which covers zero-width spaces and joiners, word joiners, the BOM, soft hyphens and bidi controls)
 * and of the invisible Hangul fillers; look-alike capitals to Latin; lower case ({@link Locale#ROOT});
 * NFD with every combining mark removed; look-alike small letters and stroked letters (ł, ø, đ, ß...)
 * to Latin. Working per code point rather than on the whole string is what makes the offset map
 * exact, and gives the same result: the marks a composition would absorb are removed anyway.
 *
 * <p>{@link #foldLeet} additionally reads digits and symbols as letters, but only inside a run that
 * already holds a letter, so "k1ll" and "$h1t" are caught while "47 days", "$1,200" and phone
 * numbers are left alone. Because "1" can stand for both "i" and "l", the leet form writes i, l, 1,
 * ! and | all as "i"; both sides of a comparison must therefore be leet-folded.
 */
public final class Normalizer {

	private static final Map<Integer, String> LOOK_ALIKES = lookAlikes();

	/**
	 * Folded forms of the Basic Multilingual Plane, filled in as they are first needed. The JDK's
	 * normaliser is slow on one-character strings, and without this a post of 20,000 accented or
	 * Cyrillic letters takes tens of milliseconds to fold; with it, each code point is folded once
	 * per JVM. Unsynchronised on purpose: two threads folding the same code point compute equal
	 * strings, and a String is safe to publish through a data race.
	 */
	private static final String[] BMP = new String[0x10000];

	private Normalizer() {
	}

	/** The folded form of {@code text} ({@code null} folds to the empty string). */
	public static String fold(String text) {
		return foldWithOffsets(text).text();
	}

	/** {@link #fold} followed by the leetspeak reading; for watched words, never for phone numbers. */
	public static String foldLeet(String text) {
		return foldLeetWithOffsets(text).text();
	}

	/** {@link #fold}, keeping the way back to the original offsets. */
	public static FoldedText foldWithOffsets(String text) {
		String original = text == null ? "" : text;
		int n = original.length();
		StringBuilder out = new StringBuilder(n);
		int[] from = new int[n + 8];
		int[] to = new int[n + 8];
		// Emoji and mathematical letters repeat within a post; remembering them for this call is enough.
		Map<Integer, String> outsideBmp = null;
		int i = 0;
		while (i < n) {
			char c = original.charAt(i);
			int next;
			String folded;
			if (c < 0x80) {
				next = i + 1;
				folded = null;
				if (out.length() + 1 > from.length) {
					from = Arrays.copyOf(from, from.length * 2);
					to = Arrays.copyOf(to, to.length * 2);
				}
				from[out.length()] = i;
				to[out.length()] = next;
				out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
			}
			else {
				int cp = original.codePointAt(i);
				next = i + Character.charCount(cp);
				if (cp < BMP.length) {
					folded = BMP[cp];
					if (folded == null) {
						folded = foldCodePoint(cp);
						BMP[cp] = folded;
					}
				}
				else {
					if (outsideBmp == null) {
						outsideBmp = new HashMap<>();
					}
					folded = outsideBmp.computeIfAbsent(cp, Normalizer::foldCodePoint);
				}
				if (folded.isEmpty()) {
					// A stripped accent belongs to the letter before it, so that replacing "café" takes the
					// accent with it instead of leaving it to combine with the replacement's last letter.
					if (isMark(cp) && out.length() > 0 && to[out.length() - 1] == i) {
						to[out.length() - 1] = next;
					}
				}
				else {
					if (out.length() + folded.length() > from.length) {
						int size = Math.max(from.length * 2, out.length() + folded.length());
						from = Arrays.copyOf(from, size);
						to = Arrays.copyOf(to, size);
					}
					for (int k = 0; k < folded.length(); k++) {
						from[out.length()] = i;
						to[out.length()] = next;
						out.append(folded.charAt(k));
					}
				}
			}
			i = next;
		}
		return new FoldedText(original, out.toString(), from, to);
	}

	/** {@link #foldLeet}, keeping the way back to the original offsets. */
	public static FoldedText foldLeetWithOffsets(String text) {
		return leet(foldWithOffsets(text));
	}

	static FoldedText leet(FoldedText folded) {
		String s = folded.text();
		char[] chars = s.toCharArray();
		int n = s.length();
		int i = 0;
		while (i < n) {
			int cp = s.codePointAt(i);
			if (!isLeetRunChar(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int runStart = i;
			boolean hasLetter = false;
			while (i < n) {
				int c = s.codePointAt(i);
				if (!isLeetRunChar(c)) {
					break;
				}
				hasLetter |= Character.isLetter(c);
				i += Character.charCount(c);
			}
			if (hasLetter) {
				for (int k = runStart; k < i; k++) {
					chars[k] = leetChar(chars[k]);
				}
			}
		}
		return folded.withText(new String(chars));
	}

	private static boolean isLeetRunChar(int cp) {
		return Character.isLetterOrDigit(cp) || cp == '@' || cp == '$' || cp == '!' || cp == '|';
	}

	private static char leetChar(char c) {
		switch (c) {
			case '0':
				return 'o';
			case '1':
			case 'l':
			case '!':
			case '|':
				return 'i';
			case '3':
				return 'e';
			case '4':
			case '@':
				return 'a';
			case '5':
			case '$':
				return 's';
			case '7':
				return 't';
			default:
				return c;
		}
	}

	static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean isInvisible(int cp) {
		return Character.getType(cp) == Character.FORMAT || cp == 0x115F || cp == 0x1160 || cp == 0x3164
				|| cp == 0xFFA0;
	}

	private static String foldCodePoint(int cp) {
		if (isInvisible(cp)) {
			return "";
		}
		String compat = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC);
		StringBuilder mapped = new StringBuilder(compat.length());
		compat.codePoints().forEach(c -> {
			if (!isInvisible(c)) {
				String latin = LOOK_ALIKES.get(c);
				if (latin != null) {
					mapped.append(latin);
				}
				else {
					mapped.appendCodePoint(c);
				}
			}
		});
		String decomposed = java.text.Normalizer.normalize(mapped.toString().toLowerCase(Locale.ROOT),
				java.text.Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		decomposed.codePoints().forEach(c -> {
			if (!isMark(c) && !isInvisible(c)) {
				String latin = LOOK_ALIKES.get(c);
				if (latin != null) {
					out.append(latin);
				}
				else {
					out.appendCodePoint(c);
				}
			}
		});
		return out.toString();
	}

	private static Map<Integer, String> lookAlikes() {
		Map<Integer, String> map = new HashMap<>();
		// Cyrillic capitals and small letters that render like Latin ones in common fonts.
		put(map, "АВЕКМНОРСТХУЅІЈӀԚԜҮ", "abekmhopctxysijiqwy");
		put(map, "аеорсухіјѕԁԛѡһӏԝкү", "aeopcyxijsdqwhlwky");
		// Greek capitals and small letters likewise.
		put(map, "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ", "abezhikmnoptyxc");
		put(map, "οαειχκνρτυϲωη", "oaeixkvptucwn");
		// Latin letters that carry their "accent" in the letter itself, so NFD cannot strip it.
		put(map, "łøđħŧƀɨıȷɑɡ", "lodhtbiijag");
		map.put((int) 'ß', "ss");
		map.put((int) 'æ', "ae");
		map.put((int) 'œ', "oe");
		map.put((int) 'ð', "d");
		return Map.copyOf(map);
	}

	private static void put(Map<Integer, String> map, String from, String to) {
		if (from.length() != to.length()) {
			throw new IllegalStateException("look-alike table out of step: " + from);
		}
		for (int i = 0; i < from.length(); i++) {
			map.put((int) from.charAt(i), String.valueOf(to.charAt(i)));
		}
	}
}
