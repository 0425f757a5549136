package org.steadfast.moderation.matching;

/**
 * The digit groups of one run that {@link PhoneScanner} read, and the rules that tell a phone
 * number from the everyday numbers people post here: day counts, dates, times, years, ranges,
 * amounts and durations. The rules lean towards missing an odd number rather than flagging those.
 */
final class DigitGroups {

	/** What stands between two groups; a gap mixing kinds counts as its dot or dash, else its bracket. */
	enum Separator {
		SPACE, DOT, DASH, BRACKET
	}

	private static final int MIN_PHONE_DIGITS = 8;
	private static final int MAX_PHONE_DIGITS = 15;
	private static final int MAX_PHONE_GROUPS = 7;
	/** A number written digit by digit may have a group per digit, and its {@code 00} prefix. */
	private static final int MAX_SPELLED_GROUPS = MAX_PHONE_DIGITS + 2;
	/** More than this many one-digit groups make a number spelled out digit by digit. */
	private static final int MAX_SINGLES = 2;
	/** A short list such as "1 2 3 4 5 6 7 8" never has this many digits. */
	private static final int MIN_SPELLED_DIGITS = 10;
	/** Groups this short ("10.30-11.30", "06 12 34 56 78") must add up to a whole number's worth of digits. */
	private static final int MAX_SHORT_GROUP = 2;
	private static final int MIN_SHORT_GROUPS_DIGITS = 10;
	private static final String INTERNATIONAL_PREFIX = "00";
	private static final int YEAR_DIGITS = 4;
	private static final int FIRST_YEAR = 1900;
	private static final int LAST_YEAR = 2099;
	private static final int MONTHS = 12;
	private static final int MAX_DAY = 31;
	private static final int IPV4_OCTETS = 4;
	private static final int MAX_OCTET_DIGITS = 3;
	private static final int MAX_OCTET = 255;
	private static final int THOUSANDS_DIGITS = 3;

	private final String s;
	private final boolean afterPlus;
	private final int[] starts = new int[MAX_SPELLED_GROUPS];
	private final int[] ends = new int[MAX_SPELLED_GROUPS];
	private final Separator[] separators = new Separator[MAX_SPELLED_GROUPS];
	private int count;
	/** More groups than any phone number has; the run is still read to its end, to resume after it. */
	private boolean tooMany;

	/** Groups of {@code s}; {@code afterPlus} when the run started with a {@code +}. */
	DigitGroups(String s, boolean afterPlus) {
		this.s = s;
		this.afterPlus = afterPlus;
	}

	void add(int start, int end) {
		if (count == starts.length) {
			tooMany = true;
		}
		else {
			starts[count] = start;
			ends[count] = end;
			count++;
		}
	}

	/** What follows the last group added, now that another group follows it. */
	void separatedBy(Separator separator) {
		separators[count - 1] = separator;
	}

	int count() {
		return count;
	}

	int start(int group) {
		return starts[group];
	}

	int end(int group) {
		return ends[group];
	}

	boolean isPhone() {
		if (count == 0 || tooMany) {
			return false;
		}
		int digits = 0;
		int singles = 0;
		int longest = 0;
		for (int g = 0; g < count; g++) {
			int length = length(g);
			digits += length;
			singles += length == 1 ? 1 : 0;
			longest = Math.max(longest, length);
		}
		boolean internationalPrefix = !afterPlus && s.startsWith(INTERNATIONAL_PREFIX, starts[0]);
		int significant = internationalPrefix ? digits - INTERNATIONAL_PREFIX.length() : digits;
		if (significant < MIN_PHONE_DIGITS || significant > MAX_PHONE_DIGITS || runsOn()) {
			return false;
		}
		boolean spelled = singles > MAX_SINGLES;
		if (count > MAX_PHONE_GROUPS && !spelled) {
			return false;
		}
		if (spelled && (significant < MIN_SPELLED_DIGITS || countsUpOrDown() || pairsUp())) {
			return false;
		}
		if (longest <= MAX_SHORT_GROUP && digits < MIN_SHORT_GROUPS_DIGITS) {
			return false;
		}
		return !hasTwoYearsInARow() && !hasDate() && !isDecimal() && !isIpAddress() && !hasThousandsSeparators();
	}

	/** A number cannot end inside a word, a percentage, a path, an address or a decimal. */
	private boolean runsOn() {
		int end = ends[count - 1];
		if (end >= s.length()) {
			return false;
		}
		char after = s.charAt(end);
		if (Character.isLetter(after) || after == '%' || after == '/' || after == '@') {
			return true;
		}
		return (after == '.' || after == ',') && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1));
	}

	/** Whether the groups count up or down by one, as a numbered list does ("1 2 3 4 5 6 7 8 9 10"). */
	private boolean countsUpOrDown() {
		long step = value(1) - value(0);
		if (step != 1 && step != -1) {
			return false;
		}
		for (int g = 1; g + 1 < count; g++) {
			if (value(g + 1) - value(g) != step) {
				return false;
			}
		}
		return true;
	}

	/** Whether the separators alternate, as in a list of scores ("3-1 2-0 1-1 4-2 0-0"). */
	private boolean pairsUp() {
		if (count < 4 || separators[0] == separators[1]) {
			return false;
		}
		for (int g = 2; g + 1 < count; g++) {
			if (separators[g] != separators[g - 2]) {
				return false;
			}
		}
		return true;
	}

	/** A range of years, "2019-2023", or a list of them. */
	private boolean hasTwoYearsInARow() {
		for (int g = 0; g + 1 < count; g++) {
			if (isYear(g) && isYear(g + 1)) {
				return true;
			}
		}
		return false;
	}

	private boolean hasDate() {
		for (int g = 0; g + 2 < count; g++) {
			if (isDate(g)) {
				return true;
			}
		}
		return false;
	}

	/** Year-month-day, or day-month-year and month-day-year, with a four-digit year, from group {@code g}. */
	private boolean isDate(int g) {
		if (isYear(g) && length(g + 1) <= 2 && length(g + 2) <= 2) {
			long month = value(g + 1);
			long day = value(g + 2);
			return month >= 1 && month <= MONTHS && day >= 1 && day <= MAX_DAY;
		}
		if (length(g) <= 2 && length(g + 1) <= 2 && isYear(g + 2)) {
			long first = value(g);
			long second = value(g + 1);
			return first >= 1 && second >= 1 && first <= MAX_DAY && second <= MAX_DAY
					&& (first <= MONTHS || second <= MONTHS);
		}
		return false;
	}

	private boolean isDecimal() {
		return count == 2 && separators[0] == Separator.DOT;
	}

	private boolean isIpAddress() {
		if (count != IPV4_OCTETS || !allSeparatedBy(Separator.DOT)) {
			return false;
		}
		for (int g = 0; g < count; g++) {
			if (length(g) > MAX_OCTET_DIGITS || value(g) > MAX_OCTET) {
				return false;
			}
		}
		return true;
	}

	/** "12.500.000": dots as thousands separators; a leading zero makes it a phone number again. */
	private boolean hasThousandsSeparators() {
		if (count < 3 || !allSeparatedBy(Separator.DOT) || length(0) > THOUSANDS_DIGITS || s.charAt(starts[0]) == '0') {
			return false;
		}
		for (int g = 1; g < count; g++) {
			if (length(g) != THOUSANDS_DIGITS) {
				return false;
			}
		}
		return true;
	}

	private boolean allSeparatedBy(Separator separator) {
		for (int g = 0; g + 1 < count; g++) {
			if (separators[g] != separator) {
				return false;
			}
		}
		return true;
	}

	private boolean isYear(int g) {
		if (length(g) != YEAR_DIGITS) {
			return false;
		}
		long year = value(g);
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

	private int length(int g) {
		return ends[g] - starts[g];
	}

	private long value(int g) {
		long value = 0;
		for (int i = starts[g]; i < ends[g]; i++) {
			value = value * 10 + Character.digit(s.charAt(i), 10);
		}
		return value;
	}
}
