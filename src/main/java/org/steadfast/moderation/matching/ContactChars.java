package org.steadfast.moderation.matching;

/**
 * What the parts of a contact detail are made of, in one place so that the scanners agree: the
 * character that makes an "@name" part of an email address must be the one the email scanner
 * accepts, and a domain label must end where the profile-link scanner thinks it does.
 */
final class ContactChars {

	/**
	 * The most spaces or separators allowed between two parts of one contact detail; parts further
	 * apart are separate things, and the bound keeps every look-ahead short.
	 */
	static final int MAX_GAP = 3;

	private static final char FIRST_NON_ASCII = 0x80;

	private ContactChars() {
	}

	/**
	 * Handles, URLs and spelled-out addresses are ASCII in practice; accepting every script's letters
	 * would make a run of, say, Cyrillic prose read as one long handle.
	 */
	static boolean isAsciiLetterOrDigit(char c) {
		return c < FIRST_NON_ASCII && Character.isLetterOrDigit(c);
	}

	static boolean isAsciiLetter(char c) {
		return c < FIRST_NON_ASCII && Character.isLetter(c);
	}

	/** What the part of an email address before the {@code @} may hold. */
	static boolean isEmailLocalChar(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
	}

	/** What one dot-separated label of a host name may hold. */
	static boolean isDomainLabelChar(char c) {
		return Character.isLetterOrDigit(c) || c == '-';
	}
}
