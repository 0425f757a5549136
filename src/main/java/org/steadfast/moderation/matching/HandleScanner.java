package org.steadfast.moderation.matching;

import static org.steadfast.moderation.matching.ContactChars.MAX_GAP;
import static org.steadfast.moderation.matching.ContactChars.isAsciiLetter;
import static org.steadfast.moderation.matching.ContactChars.isAsciiLetterOrDigit;
import static org.steadfast.moderation.matching.ContactChars.isEmailLocalChar;

import java.util.List;
import java.util.Set;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * Social media handles. Members mention each other here with {@code @name}, so an {@code @name}
 * counts only with a platform named within {@value #HANDLE_WINDOW} words of it; and a bare name
 * counts only right after a platform word ("ig: jane_doe92", "my snap is jane.doe") and when it has
 * a digit, dot or underscore, which everyday words do not.
 */
final class HandleScanner implements ContactScanner {

	/** How many words before or after an {@code @handle} may name the platform. */
	static final int HANDLE_WINDOW = 4;

	private static final int MIN_HANDLE = 3;
	private static final int MAX_HANDLE = 30;
	/** Between a platform word and a name: "ig: jane", "insta - jane", "snap=jane". */
	private static final String INTRODUCING_PUNCTUATION = ":-=";

	/** Platform names; "threads" and "signal" are left out because on a forum they are everyday words. */
	private static final Set<String> PLATFORMS = Set.of("instagram", "insta", "ig", "twitter", "tiktok", "snapchat",
			"snap", "facebook", "fb", "telegram", "whatsapp", "linkedin", "bluesky", "bsky", "discord", "kik");

	private static final Set<String> NAME_INTRODUCERS = Set.of("is", "its", "handle", "username", "user", "name", "id");

	@Override
	public void scan(String s, Tokens words, List<Span> out) {
		mentions(s, words, out);
		namedAfterPlatform(s, words, out);
	}

	/** "@jane.doe" with a platform named nearby; a bare "@jane" is how members mention each other here. */
	private static void mentions(String s, Tokens words, List<Span> out) {
		for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
			// Glued to a word before it, the at sign is part of an email address, not a handle.
			if (at > 0 && isEmailLocalChar(s.charAt(at - 1))) {
				continue;
			}
			int end = handleEnd(s, at + 1);
			if (end >= 0 && platformNear(s, words, at, end)) {
				out.add(new Span(Kind.SOCIAL_HANDLE, at, end));
			}
		}
	}

	/** "ig: jane_doe92", "my snap is jane.doe", "insta - jane_doe": a name right after a platform word. */
	private static void namedAfterPlatform(String s, Tokens words, List<Span> out) {
		int n = s.length();
		for (int w = 0; w < words.size(); w++) {
			if (!isPlatform(s, words, w)) {
				continue;
			}
			int p = skipSpaces(s, words.ends[w]);
			boolean introduced = false;
			if (p < n && INTRODUCING_PUNCTUATION.indexOf(s.charAt(p)) >= 0) {
				introduced = true;
				p = skipSpaces(s, p + 1);
			}
			else if (w + 1 < words.size() && words.starts[w + 1] == p && NAME_INTRODUCERS.contains(words.words[w + 1])) {
				introduced = true;
				p = skipSpaces(s, words.ends[w + 1]);
			}
			// A name starts with a letter; one starting with an at sign is left to the mentions.
			if (!introduced || p >= n || !isAsciiLetter(s.charAt(p))) {
				continue;
			}
			int end = handleEnd(s, p);
			if (end >= 0 && hasHandleMark(s, p, end)) {
				out.add(new Span(Kind.SOCIAL_HANDLE, p, end));
			}
		}
	}

	/** "ig: deleted" is a sentence; "ig: jane_doe92" is a name. */
	private static boolean hasHandleMark(String s, int from, int to) {
		for (int k = from; k < to; k++) {
			char c = s.charAt(k);
			if (c == '_' || c == '.' || Character.isDigit(c)) {
				return true;
			}
		}
		return false;
	}

	/** The end of a handle starting at {@code from}, without trailing dots or hyphens, or -1 for none. */
	private static int handleEnd(String s, int from) {
		int n = s.length();
		int p = from;
		while (p < n && p - from < MAX_HANDLE && isHandleChar(s.charAt(p))) {
			p++;
		}
		if (p < n && isHandleChar(s.charAt(p))) {
			return -1;
		}
		// A trailing dot or hyphen belongs to the sentence ("follow @jane.doe."), not to the name.
		while (p > from && (s.charAt(p - 1) == '.' || s.charAt(p - 1) == '-')) {
			p--;
		}
		if (p - from < MIN_HANDLE || s.charAt(from) == '.' || s.charAt(from) == '-') {
			return -1;
		}
		return p;
	}

	private static boolean isHandleChar(char c) {
		return isAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
	}

	private static boolean platformNear(String s, Tokens words, int from, int to) {
		int first = words.firstWordFrom(from);
		int before = 0;
		for (int w = first - 1; w >= 0 && before < HANDLE_WINDOW; w--, before++) {
			if (isPlatform(s, words, w)) {
				return true;
			}
		}
		int after = 0;
		for (int w = words.firstWordFrom(to); w < words.size() && after < HANDLE_WINDOW; w++, after++) {
			if (isPlatform(s, words, w)) {
				return true;
			}
		}
		return false;
	}

	/** "x" alone is too common ("my x" is an ex), so X counts only as "on x" or "x.com". */
	private static boolean isPlatform(String s, Tokens words, int w) {
		String word = words.words[w];
		if (PLATFORMS.contains(word)) {
			return true;
		}
		if (word.equals("x")) {
			return s.startsWith(".com", words.ends[w]) || (w > 0 && words.words[w - 1].equals("on"));
		}
		return false;
	}

	private static int skipSpaces(String s, int p) {
		int limit = Math.min(s.length(), p + MAX_GAP);
		while (p < limit && s.charAt(p) == ' ') {
			p++;
		}
		return p;
	}
}
