package org.steadfast.moderation.matching;

import static org.steadfast.moderation.matching.ContactChars.MAX_GAP;

import java.util.List;
import org.steadfast.moderation.matching.DigitGroups.Separator;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * Phone numbers: reads each run of digit groups once, left to right, and leaves it to
 * {@link DigitGroups} to tell a phone number from an everyday number. A run ends at anything that
 * is not a separator, at a gap wider than {@link ContactChars#MAX_GAP} or holding more than one dot
 * or dash, and at the hour of a time, so no character is read more than a bounded number of times.
 */
final class PhoneScanner implements ContactScanner {

	@Override
	public void scan(String s, Tokens words, List<Span> out) {
		int n = s.length();
		int i = 0;
		while (i < n) {
			if ((Character.isDigit(s.charAt(i)) || opensNumber(s, i)) && mayStartNumber(s, i)) {
				i = phoneAt(s, i, out);
			}
			else {
				i++;
			}
		}
	}

	/** "+44...", "(555)..." and, written digit by digit, "+ 4 4...". */
	private static boolean opensNumber(String s, int i) {
		int n = s.length();
		char c = s.charAt(i);
		return (c == '+' || c == '(') && i + 1 < n && Character.isDigit(s.charAt(i + 1))
				|| c == '+' && i + 2 < n && s.charAt(i + 1) == ' ' && Character.isDigit(s.charAt(i + 2));
	}

	/** A number cannot start inside a word, a path, a time, a decimal, a reference number or an amount. */
	private static boolean mayStartNumber(String s, int i) {
		if (i == 0) {
			return true;
		}
		char before = s.charAt(i - 1);
		if (Character.isLetterOrDigit(before) || before == '/' || before == ':' || before == '#' || before == '@'
				|| before == '_' || Character.getType(before) == Character.CURRENCY_SYMBOL) {
			return false;
		}
		if ((before == '.' || before == ',' || isDash(before)) && i >= 2 && Character.isDigit(s.charAt(i - 2))) {
			return false;
		}
		// "ref-12345678" and "a+12345678" are identifiers rather than numbers someone wrote down.
		return !((before == '-' || before == '+') && i >= 2 && Character.isLetterOrDigit(s.charAt(i - 2)));
	}

	/** Scans one run of digit groups from {@code start}, records it if it is a phone number, and returns where scanning resumes. */
	private static int phoneAt(String s, int start, List<Span> out) {
		int n = s.length();
		int p = start;
		boolean plus = s.charAt(p) == '+';
		if (plus || s.charAt(p) == '(') {
			p++;
		}
		if (plus && s.charAt(p) == ' ') {
			p++;
		}
		DigitGroups groups = new DigitGroups(s, plus);
		int resume;
		while (true) {
			int digitsStart = p;
			while (p < n && Character.isDigit(s.charAt(p))) {
				p++;
			}
			if (p + 1 < n && s.charAt(p) == ':' && Character.isDigit(s.charAt(p + 1))) {
				// This group is the hour of a time such as 10:30, so the number (if any) ended before it.
				resume = p;
				break;
			}
			groups.add(digitsStart, p);
			int q = p;
			Separator separator = Separator.SPACE;
			int punctuation = 0;
			while (q < n && q - p <= MAX_GAP && isSeparator(s.charAt(q))) {
				char c = s.charAt(q);
				if (c == '.' || isDash(c)) {
					separator = c == '.' ? Separator.DOT : Separator.DASH;
					punctuation++;
				}
				else if (c != ' ' && separator == Separator.SPACE) {
					separator = Separator.BRACKET;
				}
				q++;
			}
			// Two dots or dashes in one gap ("...", "--") are prose punctuation between numbers, not part of one.
			if (q < n && Character.isDigit(s.charAt(q)) && q > p && q - p <= MAX_GAP && punctuation <= 1) {
				groups.separatedBy(separator);
				p = q;
				continue;
			}
			resume = p;
			break;
		}
		if (groups.isPhone()) {
			// An opening bracket belongs to the number only when it closes around an area code.
			boolean areaCode = s.charAt(start) == '(' && groups.count() > 1 && s.charAt(groups.end(0)) == ')';
			int from = s.charAt(start) == '(' && !areaCode ? groups.start(0) : start;
			out.add(new Span(Kind.PHONE, from, groups.end(groups.count() - 1)));
		}
		return Math.max(resume, start + 1);
	}

	private static boolean isDash(char c) {
		return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '.' || c == '(' || c == ')' || isDash(c);
	}
}
