package org.steadfast.moderation.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.steadfast.moderation.matching.ContactScanner.Span;

/**
 * Finds contact details in a post: phone numbers, email addresses, social media handles and
 * profile links. On a no-contact forum these are how an ex gets found or contacted, so the caller
 * typically holds the post for review or asks the author to remove them.
 *
 * <p>Everything is hand-written scanning over the folded text (see {@link Normalizer}, without the
 * leetspeak reading, which would turn digits into letters), one scanner per kind: each moves forward
 * and looks at most a fixed distance back or ahead, so the whole pass is linear in the length of the
 * text. The rules lean towards missing an odd number rather than flagging the everyday numbers people
 * post here: day counts, dates, times, years, ranges, amounts and durations.
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
 * or more characters only when a platform is named within {@value HandleScanner#HANDLE_WINDOW}
 * words, because members mention each other here with {@code @name}; also "ig: jane_doe92" or "my
 * snap is jane.doe", where the name has a digit, dot or underscore. Profile links: instagram,
 * facebook, tiktok, x, twitter, linkedin, snapchat, telegram, whatsapp, threads and bluesky URLs with
 * a path.
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

	/** In this order because where two scanners report the very same span, the first one's finding is kept. */
	private static final List<ContactScanner> SCANNERS = List.of(new PhoneScanner(), new EmailScanner(),
			new HandleScanner(), new ProfileLinkScanner());

	/** Text order, and the longer of two spans starting together first, so that a span inside another comes after it. */
	private static final Comparator<Span> OUTERMOST_FIRST = Comparator.comparingInt(Span::start)
			.thenComparing(Comparator.comparingInt(Span::end).reversed());

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
		Tokens words = Tokens.of(folded);
		List<Span> spans = new ArrayList<>();
		for (ContactScanner scanner : SCANNERS) {
			scanner.scan(folded.text(), words, spans);
		}
		// A stable sort, so that equal spans stay in scanner order.
		spans.sort(OUTERMOST_FIRST);
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
}
