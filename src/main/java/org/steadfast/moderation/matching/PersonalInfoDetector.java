package org.steadfast.moderation.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds contact details in a post: phone numbers, email addresses, social media handles and
 * profile links. On a no-contact forum these are how an ex gets found or contacted, so the caller
 * typically holds the post for review or asks the author to remove them.
 *
 * <p>Everything is hand-written scanning over the folded text (see {@link Normalizer}, without the
 * leetspeak reading, which would turn digits into letters): each scanner moves forward and looks at
 * most a fixed distance back or ahead, so the whole pass is linear in the length of the text. The
 * rules lean towards missing an odd number rather than flagging the everyday numbers people post
 * here: day counts, dates, times, years, ranges, amounts and durations.
 *
 * <p>Phone numbers: 8 to 15 digits (plus a leading {@code 00}) in groups separated by at most three
 * spaces, dots, dashes or brackets, on one line, optionally starting with {@code +} or {@code (}. Not
 * phone numbers: anything containing a date with a four-digit year or two consecutive years, a time's
 * hour, an amount after a currency sign, a decimal, an IPv4 address, a number with dots as thousands
 * separators, or only one- and two-digit groups adding up to fewer than ten digits ("10.30-11.30").
 * A number spelled out digit by digit ("5 5 5 1 2 3 4 5 6 7", "0-7-7-0-0-9-0-0-1-2-3", "+ 4 4 7 7...")
 * is one when it has at least ten digits, which a short list such as "1 2 3 4 5 6 7 8" never has, and
 * its groups neither count up or down ("1 2 3 4 5 6 7 8 9 10") nor pair up ("3-1 2-0 1-1 4-2").
 *
 * <p>Email addresses, also as "name at example dot com" or "name [at] example (dot) com" (the
 * spelled-out forms only with a common top-level domain). Social handles: an {@code @name} of three
 * or more characters only when a platform is named within {@value #HANDLE_WINDOW} words, because
 * members mention each other here with {@code @name}; also "ig: jane_doe92" or "my snap is
 * jane.doe", where the name has a digit, dot or underscore. Profile links: instagram, facebook,
 * tiktok, x, twitter, linkedin, snapchat, telegram, whatsapp, threads and bluesky URLs with a path.
 */
public final class PersonalInfoDetector {

	public enum Kind {
		PHONE, EMAIL, SOCIAL_HANDLE, PROFILE_LINK
	}

	/** One finding, with the text as the member typed it. */
	public record Finding(Kind kind, String excerpt) {
	}

	/** A finding with its place in the original text ({@code end} exclusive), for highlighting or masking. */
	public record Located(Finding finding, int start, int end) {
	}

	/** How many words before or after an {@code @handle} may name the platform. */
	static final int HANDLE_WINDOW = 4;

	private static final int MIN_PHONE_DIGITS = 8;
	private static final int MAX_PHONE_DIGITS = 15;
	private static final int MAX_PHONE_GROUPS = 7;
	/** A number written digit by digit may have a group per digit, and its {@code 00} prefix. */
	private static final int MAX_SPELLED_GROUPS = MAX_PHONE_DIGITS + 2;
	/** More than this many one-digit groups make a number spelled out digit by digit. */
	private static final int MAX_SINGLES = 2;
	private static final int MIN_SPELLED_DIGITS = 10;
	private static final int MAX_SEPARATOR = 3;
	private static final int MAX_LOCAL_PART = 64;
	private static final int MAX_DOMAIN = 253;
	private static final int MAX_URL_PATH = 200;

	/** Platform names; "threads" and "signal" are left out because on a forum they are everyday words. */
	private static final Set<String> PLATFORMS = Set.of("instagram", "insta", "ig", "twitter", "tiktok", "snapchat",
			"snap", "facebook", "fb", "telegram", "whatsapp", "linkedin", "bluesky", "bsky", "discord", "kik");

	private static final Set<String> NAME_INTRODUCERS = Set.of("is", "its", "handle", "username", "user", "name", "id");

	/** Top-level domains accepted after a spelled-out "at" or "dot", where "at" and "dot" are also everyday words. */
	private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "edu", "gov", "io", "co", "uk", "us",
			"ca", "au", "nz", "ie", "de", "fr", "es", "nl", "ch", "se", "dk", "fi", "pl", "pt", "br", "mx", "jp", "me",
			"info", "biz", "app", "dev", "email", "online", "xyz");

	/** Profile URL prefixes, each ending where the member-specific path begins. */
	private static final List<String> PROFILE_PREFIXES = List.of("instagram.com/", "instagr.am/", "facebook.com/",
			"fb.com/", "fb.me/", "tiktok.com/@", "x.com/", "twitter.com/", "linkedin.com/in/", "linkedin.com/pub/",
			"snapchat.com/add/", "t.me/", "telegram.me/", "wa.me/", "threads.net/@", "bsky.app/profile/");

	/** All findings in text order; one lying wholly inside another (the handle in a profile link) is dropped. */
	public List<Finding> find(String text) {
		return locate(text).stream().map(Located::finding).toList();
	}

	/** {@link #find}, with offsets into the original text. */
	public List<Located> locate(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		FoldedText folded = Normalizer.foldWithOffsets(text);
		String s = folded.text();
		List<Span> spans = new ArrayList<>();
		phones(s, spans);
		emails(s, spans);
		Tokens words = Tokens.of(folded);
		spelledOutEmails(s, spans);
		handles(s, words, spans);
		namedHandles(s, words, spans);
		profileLinks(s, spans);
		spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
		List<Located> located = new ArrayList<>();
		int reach = -1;
		for (Span span : spans) {
			if (span.end() <= reach) {
				continue;
			}
			reach = span.end();
			int start = folded.originalStart(span.start());
			int end = folded.originalEnd(span.end());
			located.add(new Located(new Finding(span.kind(), text.substring(start, end)), start, end));
		}
		return located;
	}

	private record Span(Kind kind, int start, int end) {
	}

	// Phone numbers.

	private static void phones(String s, List<Span> out) {
		int n = s.length();
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			boolean opens = (c == '+' || c == '(') && i + 1 < n && isDigit(s.charAt(i + 1))
					|| c == '+' && i + 2 < n && s.charAt(i + 1) == ' ' && isDigit(s.charAt(i + 2));
			if ((isDigit(c) || opens) && mayStartNumber(s, i)) {
				i = phoneAt(s, i, out);
			}
			else {
				i++;
			}
		}
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
		if ((before == '.' || before == ',' || isDash(before)) && i >= 2 && isDigit(s.charAt(i - 2))) {
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
		int[] groupStart = new int[MAX_SPELLED_GROUPS];
		int[] groupEnd = new int[MAX_SPELLED_GROUPS];
		char[] separator = new char[MAX_SPELLED_GROUPS];
		int groups = 0;
		boolean tooLong = false;
		int resume;
		while (true) {
			int digitsStart = p;
			while (p < n && isDigit(s.charAt(p))) {
				p++;
			}
			if (p + 1 < n && s.charAt(p) == ':' && isDigit(s.charAt(p + 1))) {
				// This group is the hour of a time such as 10:30, so the number (if any) ended before it.
				resume = p;
				break;
			}
			if (groups == groupStart.length) {
				tooLong = true;
			}
			else {
				groupStart[groups] = digitsStart;
				groupEnd[groups] = p;
				groups++;
			}
			int q = p;
			char kind = ' ';
			int punctuation = 0;
			while (q < n && q - p <= MAX_SEPARATOR && isSeparator(s.charAt(q))) {
				char sep = s.charAt(q);
				if (sep == '.' || isDash(sep)) {
					kind = sep == '.' ? '.' : '-';
					punctuation++;
				}
				else if (sep != ' ' && kind == ' ') {
					kind = '(';
				}
				q++;
			}
			if (q < n && isDigit(s.charAt(q)) && q > p && q - p <= MAX_SEPARATOR && punctuation <= 1) {
				if (groups > 0 && groups <= separator.length) {
					separator[groups - 1] = kind;
				}
				p = q;
				continue;
			}
			resume = p;
			break;
		}
		if (groups > 0 && !tooLong && isPhone(s, plus, groupStart, groupEnd, separator, groups)) {
			// An opening bracket belongs to the number only when it closes around an area code.
			boolean areaCode = s.charAt(start) == '(' && groups > 1 && s.charAt(groupEnd[0]) == ')';
			int from = s.charAt(start) == '(' && !areaCode ? groupStart[0] : start;
			out.add(new Span(Kind.PHONE, from, groupEnd[groups - 1]));
		}
		return Math.max(resume, start + 1);
	}

	private static boolean isPhone(String s, boolean plus, int[] groupStart, int[] groupEnd, char[] separator,
			int groups) {
		int end = groupEnd[groups - 1];
		int digits = 0;
		int singles = 0;
		int longest = 0;
		for (int g = 0; g < groups; g++) {
			int length = groupEnd[g] - groupStart[g];
			digits += length;
			singles += length == 1 ? 1 : 0;
			longest = Math.max(longest, length);
		}
		boolean internationalPrefix = !plus && s.startsWith("00", groupStart[0]);
		int significant = internationalPrefix ? digits - 2 : digits;
		if (significant < MIN_PHONE_DIGITS || significant > MAX_PHONE_DIGITS) {
			return false;
		}
		if (end < s.length()) {
			char after = s.charAt(end);
			if (Character.isLetter(after) || after == '%' || after == '/' || after == '@') {
				return false;
			}
			if ((after == '.' || after == ',') && end + 1 < s.length() && isDigit(s.charAt(end + 1))) {
				return false;
			}
		}
		boolean spelled = singles > MAX_SINGLES;
		if (groups > MAX_PHONE_GROUPS && !spelled) {
			return false;
		}
		if (spelled && (significant < MIN_SPELLED_DIGITS || counts(s, groupStart, groupEnd, groups)
				|| pairs(separator, groups))) {
			return false;
		}
		if (longest <= 2 && digits < 10) {
			return false;
		}
		for (int g = 0; g + 1 < groups; g++) {
			if (isYear(s, groupStart[g], groupEnd[g]) && isYear(s, groupStart[g + 1], groupEnd[g + 1])) {
				return false;
			}
		}
		for (int g = 0; g + 2 < groups; g++) {
			if (isDate(s, groupStart[g], groupEnd[g], groupStart[g + 1], groupEnd[g + 1], groupStart[g + 2], groupEnd[g + 2])) {
				return false;
			}
		}
		if (groups == 2 && separator[0] == '.') {
			return false;
		}
		if (groups == 4 && allSeparators(separator, groups, '.')) {
			boolean octets = true;
			for (int g = 0; g < 4; g++) {
				octets &= groupEnd[g] - groupStart[g] <= 3 && value(s, groupStart[g], groupEnd[g]) <= 255;
			}
			if (octets) {
				return false;
			}
		}
		if (groups >= 3 && allSeparators(separator, groups, '.') && groupEnd[0] - groupStart[0] <= 3
				&& s.charAt(groupStart[0]) != '0') {
			boolean thousands = true;
			for (int g = 1; g < groups; g++) {
				thousands &= groupEnd[g] - groupStart[g] == 3;
			}
			if (thousands) {
				return false;
			}
		}
		return true;
	}

	/** Whether the groups count up or down by one, as a numbered list does ("1 2 3 4 5 6 7 8 9 10"). */
	private static boolean counts(String s, int[] groupStart, int[] groupEnd, int groups) {
		long step = value(s, groupStart[1], groupEnd[1]) - value(s, groupStart[0], groupEnd[0]);
		if (step != 1 && step != -1) {
			return false;
		}
		for (int g = 1; g + 1 < groups; g++) {
			if (value(s, groupStart[g + 1], groupEnd[g + 1]) - value(s, groupStart[g], groupEnd[g]) != step) {
				return false;
			}
		}
		return true;
	}

	/** Whether the separators alternate, as in a list of scores ("3-1 2-0 1-1 4-2 0-0"). */
	private static boolean pairs(char[] separator, int groups) {
		if (groups < 4 || separator[0] == separator[1]) {
			return false;
		}
		for (int g = 2; g + 1 < groups; g++) {
			if (separator[g] != separator[g - 2]) {
				return false;
			}
		}
		return true;
	}

	private static boolean allSeparators(char[] separator, int groups, char kind) {
		for (int g = 0; g + 1 < groups; g++) {
			if (separator[g] != kind) {
				return false;
			}
		}
		return true;
	}

	private static boolean isYear(String s, int from, int to) {
		if (to - from != 4) {
			return false;
		}
		long year = value(s, from, to);
		return year >= 1900 && year <= 2099;
	}

	/** Year-month-day, or day-month-year and month-day-year, with a four-digit year. */
	private static boolean isDate(String s, int aFrom, int aTo, int bFrom, int bTo, int cFrom, int cTo) {
		int aLength = aTo - aFrom;
		int bLength = bTo - bFrom;
		int cLength = cTo - cFrom;
		if (isYear(s, aFrom, aTo) && bLength <= 2 && cLength <= 2) {
			long month = value(s, bFrom, bTo);
			long day = value(s, cFrom, cTo);
			return month >= 1 && month <= 12 && day >= 1 && day <= 31;
		}
		if (aLength <= 2 && bLength <= 2 && isYear(s, cFrom, cTo)) {
			long first = value(s, aFrom, aTo);
			long second = value(s, bFrom, bTo);
			return first >= 1 && second >= 1 && first <= 31 && second <= 31 && (first <= 12 || second <= 12);
		}
		return false;
	}

	private static long value(String s, int from, int to) {
		long value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + Character.digit(s.charAt(i), 10);
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return Character.isDigit(c);
	}

	private static boolean isDash(char c) {
		return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
	}

	private static boolean isSeparator(char c) {
		return c == ' ' || c == '.' || c == '(' || c == ')' || isDash(c);
	}

	// Email addresses.

	private static void emails(String s, List<Span> out) {
		int n = s.length();
		for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
			int localStart = at;
			while (localStart > 0 && at - localStart < MAX_LOCAL_PART && isLocalChar(s.charAt(localStart - 1))) {
				localStart--;
			}
			while (localStart < at && s.charAt(localStart) == '.') {
				localStart++;
			}
			if (localStart == at) {
				continue;
			}
			int domainEnd = domainEnd(s, at + 1, n);
			if (domainEnd > 0) {
				out.add(new Span(Kind.EMAIL, localStart, domainEnd));
			}
		}
	}

	/** The end of a dotted domain with a letters-only top-level label, or -1. */
	private static int domainEnd(String s, int from, int n) {
		int p = from;
		int labels = 0;
		int lastLabelStart = -1;
		int lastLabelEnd = -1;
		while (p < n && p - from < MAX_DOMAIN) {
			int labelStart = p;
			while (p < n && p - from < MAX_DOMAIN && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '-')) {
				p++;
			}
			if (p == labelStart) {
				break;
			}
			labels++;
			lastLabelStart = labelStart;
			lastLabelEnd = p;
			if (p + 1 < n && s.charAt(p) == '.' && (Character.isLetterOrDigit(s.charAt(p + 1)))) {
				p++;
			}
			else {
				break;
			}
		}
		if (labels < 2 || lastLabelEnd - lastLabelStart < 2) {
			return -1;
		}
		for (int k = lastLabelStart; k < lastLabelEnd; k++) {
			if (!Character.isLetter(s.charAt(k))) {
				return -1;
			}
		}
		return lastLabelEnd;
	}

	private static boolean isLocalChar(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
	}

	/**
	 * "jane at example dot com", "jane [at] example [dot] co [dot] uk", "jane@example dot com". Read as
	 * a sequence of pieces: words (runs of address characters), dots, at signs, and skippable
	 * decoration (spaces and brackets); anything else ends an address.
	 */
	private static void spelledOutEmails(String s, List<Span> out) {
		List<int[]> pieces = pieces(s);
		int count = pieces.size();
		for (int k = 1; k + 1 < count; k++) {
			int[] at = pieces.get(k);
			boolean literalAt = at[0] == AT;
			if (!literalAt && !(at[0] == WORD && isWord(s, at, "at"))) {
				continue;
			}
			int local = k - 1;
			if (pieces.get(local)[0] != WORD || isWord(s, pieces.get(local), "at") || isWord(s, pieces.get(local), "dot")) {
				continue;
			}
			int localStart = pieces.get(local)[1];
			for (int dots = 0; dots < 5 && local >= 2 && pieces.get(local - 1)[0] == DOT && pieces.get(local - 2)[0] == WORD
					&& pieces.get(local - 1)[1] == pieces.get(local)[1] - 1; dots++) {
				local -= 2;
				localStart = pieces.get(local)[1];
			}
			if (pieces.get(k + 1)[0] != WORD) {
				continue;
			}
			int bestEnd = -1;
			boolean spelled = !literalAt;
			int p = k + 1;
			for (int labels = 1; labels < 6 && p + 2 < count; labels++) {
				int[] dot = pieces.get(p + 1);
				int[] label = pieces.get(p + 2);
				boolean literalDot = dot[0] == DOT;
				// A real dot has to touch both labels: "at home. No one" is a sentence, not an address.
				boolean joined = literalDot && dot[1] == pieces.get(p)[2] && label[1] == dot[2];
				if (!(joined || (dot[0] == WORD && isWord(s, dot, "dot"))) || label[0] != WORD) {
					break;
				}
				spelled |= !literalDot;
				p += 2;
				if (isTopLevel(s, label, spelled)) {
					bestEnd = label[2];
				}
			}
			if (bestEnd > 0 && spelled) {
				out.add(new Span(Kind.EMAIL, localStart, bestEnd));
			}
		}
	}

	private static final int WORD = 0;
	private static final int DOT = 1;
	private static final int AT = 2;
	private static final int BREAK = 3;

	/** {kind, start, end} pieces; decoration is dropped, anything else becomes a BREAK. */
	private static List<int[]> pieces(String s) {
		List<int[]> pieces = new ArrayList<>();
		int n = s.length();
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			if (isAddressChar(c)) {
				int start = i;
				while (i < n && isAddressChar(s.charAt(i))) {
					i++;
				}
				pieces.add(new int[] { WORD, start, i });
			}
			else if (c == '.') {
				pieces.add(new int[] { DOT, i, i + 1 });
				i++;
			}
			else if (c == '@') {
				pieces.add(new int[] { AT, i, i + 1 });
				i++;
			}
			else if (Character.isWhitespace(c) || "[](){}<>\"*".indexOf(c) >= 0) {
				i++;
			}
			else {
				if (pieces.isEmpty() || pieces.get(pieces.size() - 1)[0] != BREAK) {
					pieces.add(new int[] { BREAK, i, i + 1 });
				}
				i++;
			}
		}
		return pieces;
	}

	private static boolean isAddressChar(char c) {
		return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '_' || c == '%' || c == '+' || c == '-';
	}

	private static boolean isWord(String s, int[] piece, String word) {
		return piece[2] - piece[1] == word.length() && s.startsWith(word, piece[1]);
	}

	private static boolean isTopLevel(String s, int[] label, boolean spelled) {
		String word = s.substring(label[1], label[2]);
		if (spelled) {
			return COMMON_TLDS.contains(word);
		}
		return word.length() >= 2 && word.chars().allMatch(Character::isLetter);
	}

	// Social handles.

	/** "@jane.doe" with a platform named nearby; a bare "@jane" is how members mention each other here. */
	private static void handles(String s, Tokens words, List<Span> out) {
		int n = s.length();
		for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
			if (at > 0 && isLocalChar(s.charAt(at - 1))) {
				continue;
			}
			int end = handleEnd(s, at + 1, n);
			if (end < 0) {
				continue;
			}
			if (platformNear(s, words, at, end)) {
				out.add(new Span(Kind.SOCIAL_HANDLE, at, end));
			}
		}
	}

	/** The end of a 3-30 character handle starting at {@code from}, without trailing dots, or -1. */
	private static int handleEnd(String s, int from, int n) {
		int p = from;
		while (p < n && p - from < 30 && isHandleChar(s.charAt(p))) {
			p++;
		}
		if (p < n && isHandleChar(s.charAt(p))) {
			return -1;
		}
		while (p > from && (s.charAt(p - 1) == '.' || s.charAt(p - 1) == '-')) {
			p--;
		}
		if (p - from < 3 || s.charAt(from) == '.' || s.charAt(from) == '-') {
			return -1;
		}
		return p;
	}

	private static boolean isHandleChar(char c) {
		return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '_' || c == '.' || c == '-';
	}

	private static boolean platformNear(String s, Tokens words, int from, int to) {
		int first = firstWordFrom(words, from);
		int before = 0;
		for (int w = first - 1; w >= 0 && before < HANDLE_WINDOW; w--, before++) {
			if (isPlatform(s, words, w)) {
				return true;
			}
		}
		int after = 0;
		for (int w = firstWordFrom(words, to); w < words.size() && after < HANDLE_WINDOW; w++, after++) {
			if (isPlatform(s, words, w)) {
				return true;
			}
		}
		return false;
	}

	/** Index of the first word starting at or after {@code position}. */
	private static int firstWordFrom(Tokens words, int position) {
		int low = 0;
		int high = words.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (words.starts[mid] < position) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
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

	/** "ig: jane_doe92", "my snap is jane.doe", "insta - jane_doe": a name right after a platform word. */
	private static void namedHandles(String s, Tokens words, List<Span> out) {
		int n = s.length();
		for (int w = 0; w < words.size(); w++) {
			if (!isPlatform(s, words, w)) {
				continue;
			}
			int p = skipSpaces(s, words.ends[w]);
			boolean introduced = false;
			if (p < n && (s.charAt(p) == ':' || s.charAt(p) == '-' || s.charAt(p) == '=')) {
				introduced = true;
				p = skipSpaces(s, p + 1);
			}
			else if (w + 1 < words.size() && words.starts[w + 1] == p && NAME_INTRODUCERS.contains(words.words[w + 1])) {
				introduced = true;
				p = skipSpaces(s, words.ends[w + 1]);
			}
			if (!introduced || p >= n || s.charAt(p) == '@' || !Character.isLetter(s.charAt(p)) || s.charAt(p) >= 0x80) {
				continue;
			}
			int end = handleEnd(s, p, n);
			if (end < 0) {
				continue;
			}
			boolean marked = false;
			for (int k = p; k < end; k++) {
				char c = s.charAt(k);
				marked |= c == '_' || c == '.' || isDigit(c);
			}
			if (marked) {
				out.add(new Span(Kind.SOCIAL_HANDLE, p, end));
			}
		}
	}

	private static int skipSpaces(String s, int p) {
		int limit = Math.min(s.length(), p + MAX_SEPARATOR);
		while (p < limit && s.charAt(p) == ' ') {
			p++;
		}
		return p;
	}

	// Profile links.

	private static void profileLinks(String s, List<Span> out) {
		int n = s.length();
		for (String prefix : PROFILE_PREFIXES) {
			for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + 1)) {
				if (at > 0) {
					char before = s.charAt(at - 1);
					if (Character.isLetterOrDigit(before) || before == '-' || before == '_') {
						continue;
					}
				}
				int pathStart = at + prefix.length();
				int end = pathStart;
				while (end < n && end - pathStart < MAX_URL_PATH && isUrlChar(s.charAt(end))) {
					end++;
				}
				while (end > pathStart && ".,;:!?)'\"".indexOf(s.charAt(end - 1)) >= 0) {
					end--;
				}
				if (end == pathStart || !Character.isLetterOrDigit(s.charAt(pathStart)) && s.charAt(pathStart) != '_') {
					continue;
				}
				out.add(new Span(Kind.PROFILE_LINK, urlStart(s, at), end));
			}
		}
	}

	/** Back over subdomains ("www.", "m.") and a scheme, a bounded distance. */
	private static int urlStart(String s, int host) {
		int start = host;
		for (int labels = 0; labels < 4 && start > 1 && s.charAt(start - 1) == '.'; labels++) {
			int p = start - 1;
			int limit = Math.max(0, p - 63);
			while (p > limit && (Character.isLetterOrDigit(s.charAt(p - 1)) || s.charAt(p - 1) == '-')) {
				p--;
			}
			if (p == start - 1) {
				break;
			}
			start = p;
		}
		if (start >= 3 && s.startsWith("://", start - 3)) {
			int p = start - 3;
			int limit = Math.max(0, p - 8);
			while (p > limit && Character.isLetter(s.charAt(p - 1))) {
				p--;
			}
			start = p;
		}
		return start;
	}

	private static boolean isUrlChar(char c) {
		return (c < 0x80 && Character.isLetterOrDigit(c)) || "._~%@+=?&#/-".indexOf(c) >= 0;
	}
}
