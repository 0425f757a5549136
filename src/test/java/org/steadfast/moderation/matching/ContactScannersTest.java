package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.moderation.matching.ContactScanner.Span;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;

/**
 * The scanners on their own, below what {@link PersonalInfoDetector} merges: each reports only its
 * own kind, in folded offsets, and is free to overlap the others.
 */
class ContactScannersTest {

	private static final String POST = "Before I blocked him: his number was +44 7700 900123, email j.doe@example.com, "
			+ "insta @j.doe.77 and facebook.com/j.doe. Day 47 of no contact since 2026-10-09!";

	private static List<String> found(ContactScanner scanner, String text) {
		FoldedText folded = Normalizer.foldWithOffsets(text);
		List<Span> spans = new ArrayList<>();
		scanner.scan(folded.text(), Tokens.of(folded), spans);
		return spans.stream().map(span -> span.kind() + " " + folded.text().substring(span.start(), span.end())).toList();
	}

	@Test
	void eachScannerReportsOnlyItsOwnKind() {
		assertThat(found(new PhoneScanner(), POST)).containsExactly("PHONE +44 7700 900123");
		assertThat(found(new EmailScanner(), POST)).containsExactly("EMAIL j.doe@example.com");
		assertThat(found(new HandleScanner(), POST)).containsExactly("SOCIAL_HANDLE @j.doe.77");
		assertThat(found(new ProfileLinkScanner(), POST)).containsExactly("PROFILE_LINK facebook.com/j.doe");
	}

	@Test
	void theHandleInsideAProfileLinkIsReportedByBothScannersAndMergedByTheDetector() {
		String text = "my tiktok: https://tiktok.com/@jane";
		assertThat(found(new HandleScanner(), text)).containsExactly("SOCIAL_HANDLE @jane");
		assertThat(found(new ProfileLinkScanner(), text)).containsExactly("PROFILE_LINK https://tiktok.com/@jane");
		assertThat(new PersonalInfoDetector().find(text)).extracting(PersonalInfoDetector.Finding::kind)
				.containsExactly(Kind.PROFILE_LINK);
	}

	@Test
	void scannersReadTheFoldedText() {
		assertThat(found(new EmailScanner(), "ＪＡＮＥ ＡＴ ＥＸＡＭＰＬＥ ＤＯＴ ＣＯＭ")).containsExactly("EMAIL jane at example dot com");
		assertThat(found(new PhoneScanner(), "ring ０７７００ ９００１２３")).containsExactly("PHONE 07700 900123");
	}

	@Test
	void aSpelledOutEmailIsNotAlsoReadAsAHandleOrAPhone() {
		String text = "jane92 at example dot com";
		assertThat(found(new HandleScanner(), text)).isEmpty();
		assertThat(found(new PhoneScanner(), text)).isEmpty();
		assertThat(found(new EmailScanner(), text)).containsExactly("EMAIL jane92 at example dot com");
	}
}
