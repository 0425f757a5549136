package org.steadfast.moderation.matching;

import static org.steadfast.moderation.matching.ContactChars.isAsciiLetterOrDigit;
import static org.steadfast.moderation.matching.ContactChars.isDomainLabelChar;

import java.util.List;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * Links to a profile on a social platform. Only a known profile prefix followed by a path counts:
 * "instagram.com" alone is a site people talk about, "instagram.com/jane.doe" is a person.
 */
final class ProfileLinkScanner implements ContactScanner {

	/** Profile URL prefixes, each ending where the member-specific path begins. */
	private static final List<String> PROFILE_PREFIXES = List.of("instagram.com/", "instagr.am/", "facebook.com/",
			"fb.com/", "fb.me/", "tiktok.com/@", "x.com/", "twitter.com/", "linkedin.com/in/", "linkedin.com/pub/",
			"snapchat.com/add/", "t.me/", "telegram.me/", "wa.me/", "threads.net/@", "bsky.app/profile/");

	private static final int MAX_URL_PATH = 200;
	/** Read back over at most this many subdomains ("www.", "m.", "uk."), so that the look back stays short. */
	private static final int MAX_SUBDOMAINS = 4;
	/** The longest label DNS allows. */
	private static final int MAX_LABEL = 63;
	/** Long enough for "https"; the bound keeps the look back short. */
	private static final int MAX_SCHEME = 8;
	private static final String SCHEME_SEPARATOR = "://";
	private static final String URL_SYMBOLS = "._~%@+=?&#/-";
	/** Punctuation that ends the sentence around a link rather than the link: "see x.com/jane." */
	private static final String TRAILING_PUNCTUATION = ".,;:!?)'\"";

	@Override
	public void scan(String s, Tokens words, List<Span> out) {
		int n = s.length();
		for (String prefix : PROFILE_PREFIXES) {
			for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + 1)) {
				// "inbox.com/jane" and "myfb.com/jane" merely end in a prefix.
				if (at > 0 && (isDomainLabelChar(s.charAt(at - 1)) || s.charAt(at - 1) == '_')) {
					continue;
				}
				int pathStart = at + prefix.length();
				int end = pathStart;
				while (end < n && end - pathStart < MAX_URL_PATH && isUrlChar(s.charAt(end))) {
					end++;
				}
				while (end > pathStart && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
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
		for (int labels = 0; labels < MAX_SUBDOMAINS && start > 1 && s.charAt(start - 1) == '.'; labels++) {
			int p = start - 1;
			int limit = Math.max(0, p - MAX_LABEL);
			while (p > limit && isDomainLabelChar(s.charAt(p - 1))) {
				p--;
			}
			if (p == start - 1) {
				break;
			}
			start = p;
		}
		if (start >= SCHEME_SEPARATOR.length() && s.startsWith(SCHEME_SEPARATOR, start - SCHEME_SEPARATOR.length())) {
			int p = start - SCHEME_SEPARATOR.length();
			int limit = Math.max(0, p - MAX_SCHEME);
			while (p > limit && Character.isLetter(s.charAt(p - 1))) {
				p--;
			}
			start = p;
		}
		return start;
	}

	private static boolean isUrlChar(char c) {
		return isAsciiLetterOrDigit(c) || URL_SYMBOLS.indexOf(c) >= 0;
	}
}
