package org.steadfast.moderation.matching;

import static org.steadfast.moderation.matching.ContactChars.isAsciiLetterOrDigit;
import static org.steadfast.moderation.matching.ContactChars.isDomainLabelChar;
import static org.steadfast.moderation.matching.ContactChars.isEmailLocalChar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * Email addresses, as written ("jane.doe@example.com") and spelled out to get past filters ("jane
 * at example dot com", "jane [at] example (dot) co (dot) uk", "jane@example dot com"). Each
 * {@code @} and each "at" is looked at once, and the parts around it are bounded in length.
 */
final class EmailScanner implements ContactScanner {

	private static final int MAX_LOCAL_PART = 64;
	private static final int MAX_DOMAIN = 253;
	private static final int MIN_TOP_LEVEL = 2;
	/** How many more dotted parts a spelled-out address may have before its "at" ("jane.m.doe at"). */
	private static final int MAX_SPELLED_LOCAL_DOTS = 5;
	/** How many labels a spelled-out domain may have ("example dot co dot uk" has three). */
	private static final int MAX_SPELLED_LABELS = 6;
	/** Skipped around the words of a spelled-out address: "[at]", "(dot)", "{at}", "*at*". */
	private static final String DECORATION = "[](){}<>\"*";

	/** Top-level domains accepted after a spelled-out "at" or "dot", where "at" and "dot" are also everyday words. */
	private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "edu", "gov", "io", "co", "uk", "us",
			"ca", "au", "nz", "ie", "de", "fr", "es", "nl", "ch", "se", "dk", "fi", "pl", "pt", "br", "mx", "jp", "me",
			"info", "biz", "app", "dev", "email", "online", "xyz");

	@Override
	public void scan(String s, Tokens words, List<Span> out) {
		written(s, out);
		spelledOut(s, out);
	}

	private static void written(String s, List<Span> out) {
		for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
			int localStart = at;
			while (localStart > 0 && at - localStart < MAX_LOCAL_PART && isEmailLocalChar(s.charAt(localStart - 1))) {
				localStart--;
			}
			while (localStart < at && s.charAt(localStart) == '.') {
				localStart++;
			}
			if (localStart == at) {
				continue;
			}
			int domainEnd = domainEnd(s, at + 1);
			if (domainEnd > 0) {
				out.add(new Span(Kind.EMAIL, localStart, domainEnd));
			}
		}
	}

	/** The end of a dotted domain with a letters-only top-level label, or -1. */
	private static int domainEnd(String s, int from) {
		int n = s.length();
		int p = from;
		int labels = 0;
		int lastLabelStart = -1;
		int lastLabelEnd = -1;
		while (p < n && p - from < MAX_DOMAIN) {
			int labelStart = p;
			while (p < n && p - from < MAX_DOMAIN && isDomainLabelChar(s.charAt(p))) {
				p++;
			}
			if (p == labelStart) {
				break;
			}
			labels++;
			lastLabelStart = labelStart;
			lastLabelEnd = p;
			if (p + 1 < n && s.charAt(p) == '.' && Character.isLetterOrDigit(s.charAt(p + 1))) {
				p++;
			}
			else {
				break;
			}
		}
		if (labels < 2 || lastLabelEnd - lastLabelStart < MIN_TOP_LEVEL) {
			return -1;
		}
		for (int k = lastLabelStart; k < lastLabelEnd; k++) {
			if (!Character.isLetter(s.charAt(k))) {
				return -1;
			}
		}
		return lastLabelEnd;
	}

	// Spelled out.

	private enum Type {
		/** A run of address characters. */
		WORD,
		DOT,
		AT,
		/** Anything that cannot be part of an address; consecutive ones are one break. */
		BREAK
	}

	private record Piece(Type type, int start, int end) {

		boolean is(String s, String word) {
			return type == Type.WORD && end - start == word.length() && s.startsWith(word, start);
		}
	}

	/** Reads the text as pieces, then tries each at sign and each word "at" as the middle of an address. */
	private static void spelledOut(String s, List<Span> out) {
		List<Piece> pieces = pieces(s);
		int count = pieces.size();
		for (int k = 1; k + 1 < count; k++) {
			Piece at = pieces.get(k);
			boolean literalAt = at.type() == Type.AT;
			if (!literalAt && !at.is(s, "at")) {
				continue;
			}
			int local = k - 1;
			if (pieces.get(local).type() != Type.WORD || pieces.get(local).is(s, "at") || pieces.get(local).is(s, "dot")) {
				continue;
			}
			int localStart = pieces.get(local).start();
			for (int dots = 0; dots < MAX_SPELLED_LOCAL_DOTS && local >= 2 && pieces.get(local - 1).type() == Type.DOT
					&& pieces.get(local - 2).type() == Type.WORD
					&& pieces.get(local - 1).start() == pieces.get(local).start() - 1; dots++) {
				local -= 2;
				localStart = pieces.get(local).start();
			}
			if (pieces.get(k + 1).type() != Type.WORD) {
				continue;
			}
			int bestEnd = -1;
			boolean spelled = !literalAt;
			int p = k + 1;
			for (int labels = 1; labels < MAX_SPELLED_LABELS && p + 2 < count; labels++) {
				Piece dot = pieces.get(p + 1);
				Piece label = pieces.get(p + 2);
				boolean literalDot = dot.type() == Type.DOT;
				// A real dot has to touch both labels: "at home. No one" is a sentence, not an address.
				boolean joined = literalDot && dot.start() == pieces.get(p).end() && label.start() == dot.end();
				if (!(joined || dot.is(s, "dot")) || label.type() != Type.WORD) {
					break;
				}
				spelled |= !literalDot;
				p += 2;
				if (isTopLevel(s, label, spelled)) {
					bestEnd = label.end();
				}
			}
			// With neither "at" nor "dot" spelled out this is the written form, which only the written reading judges.
			if (bestEnd > 0 && spelled) {
				out.add(new Span(Kind.EMAIL, localStart, bestEnd));
			}
		}
	}

	/** Decoration (spaces and brackets) is dropped, so "[at]" reads as "at". */
	private static List<Piece> pieces(String s) {
		List<Piece> pieces = new ArrayList<>();
		int n = s.length();
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			if (isAddressChar(c)) {
				int start = i;
				while (i < n && isAddressChar(s.charAt(i))) {
					i++;
				}
				pieces.add(new Piece(Type.WORD, start, i));
			}
			else if (c == '.') {
				pieces.add(new Piece(Type.DOT, i, i + 1));
				i++;
			}
			else if (c == '@') {
				pieces.add(new Piece(Type.AT, i, i + 1));
				i++;
			}
			else if (Character.isWhitespace(c) || DECORATION.indexOf(c) >= 0) {
				i++;
			}
			else {
				if (pieces.isEmpty() || pieces.get(pieces.size() - 1).type() != Type.BREAK) {
					pieces.add(new Piece(Type.BREAK, i, i + 1));
				}
				i++;
			}
		}
		return pieces;
	}

	private static boolean isAddressChar(char c) {
		return isAsciiLetterOrDigit(c) || c == '_' || c == '%' || c == '+' || c == '-';
	}

	private static boolean isTopLevel(String s, Piece label, boolean spelled) {
		String word = s.substring(label.start(), label.end());
		if (spelled) {
			return COMMON_TLDS.contains(word);
		}
		return word.length() >= MIN_TOP_LEVEL && word.chars().allMatch(Character::isLetter);
	}
}
