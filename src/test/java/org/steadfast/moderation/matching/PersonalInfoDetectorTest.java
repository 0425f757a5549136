package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.steadfast.moderation.matching.PersonalInfoDetector.Finding;
import org.steadfast.moderation.matching.PersonalInfoDetector.Kind;
import org.steadfast.moderation.matching.PersonalInfoDetector.Located;

class PersonalInfoDetectorTest {

	private final PersonalInfoDetector detector = new PersonalInfoDetector();

	static Stream<Arguments> phones() {
		return Stream.of(
				"+44 7700 900123", "(555) 123-4567", "555-123-4567", "07700 900 123", "+1 555 123 4567",
				"0049 30 1234567", "555.123.4567", "555 123 4567", "07700900123", "+447700900123",
				"+44 (0) 20 7946 0958", "+1 (555) 123-4567", "1-800-555-0199", "06 12 34 56 78", "020 7946 0958",
				"030 1234567", "+49 30 1234567", "612 345 678", "0612345678", "555 - 123 - 4567", "555–123–4567",
				"+33 6 12 34 56 78", "12345678", "07700.900.123")
				.map(phone -> arguments(phone, phone));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phones")
	void findsPhoneNumbersInCommonFormats(String phone, String excerpt) {
		assertThat(detector.find("text me on " + phone + " tonight")).containsExactly(new Finding(Kind.PHONE, excerpt));
		assertThat(detector.find(phone)).containsExactly(new Finding(Kind.PHONE, excerpt));
		assertThat(detector.find("(" + phone + ").")).containsExactly(new Finding(Kind.PHONE, excerpt));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phones")
	void findsPhoneNumbersNextToDatesAndTimes(String phone, String excerpt) {
		assertThat(detector.find("On 2026-11-25 at 10:30 he wrote: " + phone + ", day 30"))
				.containsExactly(new Finding(Kind.PHONE, excerpt));
	}

	static Stream<Arguments> phonesSpelledOutDigitByDigit() {
		return Stream.of(
				"5 5 5 1 2 3 4 5 6 7", "0 7 7 0 0 9 0 0 1 2 3", "+ 4 4 7 7 0 0 9 0 0 1 2 3", "+4 4 7 7 0 0 9 0 0 1 2 3",
				"5-5-5-1-2-3-4-5-6-7", "0.7.7.0.0.9.0.0.1.2.3", "0 7 7 0 0 - 9 0 0 - 1 2 3", "0 0 4 4 7 7 0 0 9 0 0 1 2 3",
				"5 5 5 - 1 2 3 - 4 5 6 7", "0 7700 9 0 0 1 2 3")
				.map(phone -> arguments(phone, phone));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phonesSpelledOutDigitByDigit")
	void findsPhoneNumbersSpelledOutDigitByDigit(String phone, String excerpt) {
		assertThat(detector.find("Ring " + phone)).containsExactly(new Finding(Kind.PHONE, excerpt));
		assertThat(detector.find("text me on " + phone + " tonight")).containsExactly(new Finding(Kind.PHONE, excerpt));
		assertThat(detector.find("(" + phone + ").")).containsExactly(new Finding(Kind.PHONE, excerpt));
		assertThat(detector.find("On 2026-11-25 at 10:30 he wrote: " + phone + ", day 30"))
				.containsExactly(new Finding(Kind.PHONE, excerpt));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"1 2 3 4 5 6 7 8 9 10", "0 1 2 3 4 5 6 7 8 9", "1. 2. 3. 4. 5. 6. 7. 8. 9. 10.", "10 9 8 7 6 5 4 3 2 1",
			"1-2-3-4-5-6-7-8-9-10-11-12", "scores: 3-1 2-0 1-1 4-2 0-0", "5 + 3 = 8", "1 2 3 4 5 6 7 8 9",
			"1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"
	})
	void doesNotFlagCountingListsAndScoresWrittenDigitByDigit(String text) {
		assertThat(detector.find(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "０７７００ ９００１２３", "07700\u200B900123", "+44\u00A07700\u00A0900123", "0770\u00AD0 900 123" })
	void findsPhoneNumbersWrittenWithUnusualCharactersAndReportsThemAsTyped(String phone) {
		assertThat(detector.find("ring " + phone + " ok")).containsExactly(new Finding(Kind.PHONE, phone));
	}

	static Stream<Arguments> emails() {
		return Stream.of(
				arguments("mail jane.doe@example.com please", "jane.doe@example.com"),
				arguments("Jane.Doe+tag@Mail.Example.co.uk.", "Jane.Doe+tag@Mail.Example.co.uk"),
				arguments("<jane_doe92@example.org>", "jane_doe92@example.org"),
				arguments("jane@example.photography", "jane@example.photography"),
				arguments("write to jane at example dot com", "jane at example dot com"),
				arguments("write to JANE AT EXAMPLE DOT COM", "JANE AT EXAMPLE DOT COM"),
				arguments("jane [at] example [dot] com", "jane [at] example [dot] com"),
				arguments("jane (at) example (dot) co (dot) uk", "jane (at) example (dot) co (dot) uk"),
				arguments("jane.doe at example dot com", "jane.doe at example dot com"),
				arguments("jane@example dot com", "jane@example dot com"),
				arguments("jane at example.com", "jane at example.com"),
				arguments("jane @ example . com", null),
				arguments("jane {at} gmail {dot} com!", "jane {at} gmail {dot} com"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("emails")
	void findsEmailAddressesAlsoSpelledOut(String text, String excerpt) {
		if (excerpt == null) {
			assertThat(detector.find(text)).isEmpty();
		}
		else {
			assertThat(detector.find(text)).containsExactly(new Finding(Kind.EMAIL, excerpt));
		}
	}

	static Stream<Arguments> handles() {
		return Stream.of(
				arguments("find me on instagram @jane.doe", "@jane.doe"),
				arguments("@jane_doe on insta", "@jane_doe"),
				arguments("IG: @janedoe", "@janedoe"),
				arguments("my snap is @jane.d!", "@jane.d"),
				arguments("add me on Snapchat: @jane", "@jane"),
				arguments("tiktok @jane", "@jane"),
				arguments("he's @jdoe99 on twitter now", "@jdoe99"),
				arguments("follow @jane_doe on X", "@jane_doe"),
				arguments("on X @janedoe", "@janedoe"),
				arguments("telegram @jane_d", "@jane_d"),
				arguments("whatsapp me @jane", "@jane"),
				arguments("her fb is @jane.doe.77", "@jane.doe.77"),
				arguments("linkedin @jane-doe-1a2b3c.", "@jane-doe-1a2b3c"),
				arguments("facebook: ＠ｊａｎｅ", "＠ｊａｎｅ"),
				arguments("ig: jane_doe92", "jane_doe92"),
				arguments("my snap is jane.doe", "jane.doe"),
				arguments("insta - jane_doe", "jane_doe"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("handles")
	void findsSocialHandlesWhenAPlatformIsNamed(String text, String excerpt) {
		if (excerpt == null) {
			assertThat(detector.find(text)).noneMatch(finding -> finding.kind() == Kind.SOCIAL_HANDLE);
		}
		else {
			assertThat(detector.find(text)).containsExactly(new Finding(Kind.SOCIAL_HANDLE, excerpt));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"@sarah I hear you", "thanks @sam!", "@mod_team can you look at this?", "@jane.doe you were right",
			"@anna and @ben, day 30 for me", "instagram is the worst, I deleted it. @sam you did too?",
			"@sarah: my ex keeps watching my stories, should I block him on insta?", "my insta is private",
			"I deleted instagram yesterday", "ig: deleted", "snap is down", "my x @jane",
			"@sam I was reading old threads all night", "@sam that was a signal"
	})
	void doesNotFlagMembersMentioningEachOther(String text) {
		assertThat(detector.find(text)).isEmpty();
	}

	@Test
	void aMentionRightNextToAPlatformWordIsFlaggedAllTheSame() {
		assertThat(detector.find("@sarah insta?")).containsExactly(new Finding(Kind.SOCIAL_HANDLE, "@sarah"));
	}

	static Stream<Arguments> profileLinks() {
		return Stream.of(
				arguments("instagram.com/jane.doe", "instagram.com/jane.doe"),
				arguments("see https://www.instagram.com/jane.doe/ lol", "https://www.instagram.com/jane.doe/"),
				arguments("(https://instagr.am/jane)", "https://instagr.am/jane"),
				arguments("facebook.com/jane.doe.77", "facebook.com/jane.doe.77"),
				arguments("https://m.facebook.com/profile.php?id=1000123.", "https://m.facebook.com/profile.php?id=1000123"),
				arguments("fb.com/jane", "fb.com/jane"),
				arguments("tiktok.com/@jane", "tiktok.com/@jane"),
				arguments("https://www.tiktok.com/@jane_doe?lang=en", "https://www.tiktok.com/@jane_doe?lang=en"),
				arguments("https://x.com/jane", "https://x.com/jane"),
				arguments("x.com/jane_doe, twitter.com/jane", "x.com/jane_doe"),
				arguments("linkedin.com/in/jane-doe", "linkedin.com/in/jane-doe"),
				arguments("https://uk.linkedin.com/in/jane-doe-1a2b3c", "https://uk.linkedin.com/in/jane-doe-1a2b3c"),
				arguments("snapchat.com/add/jane", "snapchat.com/add/jane"),
				arguments("t.me/jane_doe", "t.me/jane_doe"),
				arguments("https://wa.me/447700900123", "https://wa.me/447700900123"),
				arguments("threads.net/@jane", "threads.net/@jane"),
				arguments("ＩＮＳＴＡＧＲＡＭ．ＣＯＭ／ｊａｎｅ", "ＩＮＳＴＡＧＲＡＭ．ＣＯＭ／ｊａｎｅ"),
				arguments("\u0456nstagram.com/jane", "\u0456nstagram.com/jane"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("profileLinks")
	void findsProfileLinks(String text, String excerpt) {
		assertThat(detector.find(text)).first().isEqualTo(new Finding(Kind.PROFILE_LINK, excerpt));
	}

	@Test
	void aLinkAndTheHandleInsideItAreOneFinding() {
		assertThat(detector.find("my tiktok: https://tiktok.com/@jane")).containsExactly(
				new Finding(Kind.PROFILE_LINK, "https://tiktok.com/@jane"));
		assertThat(detector.find("x.com/jane_doe, twitter.com/jane")).containsExactly(
				new Finding(Kind.PROFILE_LINK, "x.com/jane_doe"), new Finding(Kind.PROFILE_LINK, "twitter.com/jane"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"instagram.com", "I deleted instagram.com from my bookmarks", "inbox.com/jane", "fax.com/jane",
			"myfb.com/jane", "art.me/jane", "x.com/", "the x.com site"
	})
	void doesNotFlagBareSitesOrOtherSites(String text) {
		assertThat(detector.find(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"a 5-minute walk", "day 30", "2026-11-25", "at 10:30", "from 2019 to 2023", "3 out of 10",
			"I've been 47 days no contact", "60/90 days", "1.5 hours", "my 20s", "$1,200", "9-5 job",
			"2019-2023", "2019 – 2023", "2018, 2019, 2020 and 2021", "2026-11-25 10:30", "2026-11-25T10:30:00",
			"25.11.2026", "11/25/2026", "25/11/2026 at 9.30", "25-11-2026 10:30", "on 25 11 2026",
			"10.30-11.30", "12:30-14:00", "9am-5pm", "1 2 3 4 5 6 7 8", "1. 2. 3. 4. 5. 6. 7. 8.",
			"12.500.000 views", "€12.500.000", "£1,200.50", "1,234,567.89", "1234567.89", "v1.2.3.4",
			"192.168.100.200", "3 months, 2 weeks and 4 days", "Day 100!", "100 days", "I'm 34 and he's 36",
			"Week 3 of 52", "2 out of 365", "10 20 30 40", "50% of the time", "12345678%", "#12345678",
			"order ABC12345678", "step 1-2-3-4", "I slept 8 hours, woke at 04:30, ran 5.5 km",
			"I'm at home. No one cares", "I looked at him. Me? I left.", "meet at noon dot", "see you at 7. Com",
			"he's at work. co-workers say hi", "dot com bubble", "@ at dot", "a@b", "me@home"
	})
	void doesNotFlagEverydayNumbersDatesTimesAndWords(String text) {
		assertThat(detector.find(text)).isEmpty();
	}

	@Test
	void locateGivesOffsetsIntoTheOriginalText() {
		String text = "😀 call ０７７００ ９００１２３ or mail jane@example.com";
		List<Located> located = detector.locate(text);
		assertThat(located).extracting(Located::finding).extracting(Finding::kind).containsExactly(Kind.PHONE, Kind.EMAIL);
		Located phone = located.get(0);
		assertThat(text.substring(phone.start(), phone.end())).isEqualTo("０７７００ ９００１２３");
		assertThat(located.get(1).end()).isEqualTo(text.length());
	}

	@Test
	void findsEveryKindInOnePostInTextOrder() {
		String text = "Before I blocked him: his number was +44 7700 900123, email j.doe@example.com, "
				+ "insta @j.doe.77 and facebook.com/j.doe. Day 47 of no contact since 2026-10-09!";
		assertThat(detector.find(text)).containsExactly(
				new Finding(Kind.PHONE, "+44 7700 900123"),
				new Finding(Kind.EMAIL, "j.doe@example.com"),
				new Finding(Kind.SOCIAL_HANDLE, "@j.doe.77"),
				new Finding(Kind.PROFILE_LINK, "facebook.com/j.doe"));
	}

	@Test
	void noTextNoFindings() {
		assertThat(detector.find(null)).isEmpty();
		assertThat(detector.find("")).isEmpty();
	}

	@Test
	void adversarialTextIsScannedWellUnderATenthOfASecond() {
		List<String> texts = List.of(
				"1".repeat(20_000), "1 ".repeat(10_000), "1-".repeat(10_000), "12.".repeat(7_000), "+1".repeat(10_000),
				"(1) ".repeat(5_000), "@".repeat(20_000), "a@".repeat(10_000), "a.".repeat(10_000) + "@",
				"@" + "a".repeat(20_000), "a".repeat(20_000) + "@" + "a.".repeat(10_000),
				"at dot ".repeat(3_000), "jane at ".repeat(3_000), "a at b dot ".repeat(2_000),
				"instagram @abc ".repeat(1_400), "instagram.com/".repeat(1_500), "x.com/a".repeat(3_000),
				".".repeat(20_000) + "x.com/jane", "ig: ".repeat(5_000), "2026-11-25 ".repeat(2_000));
		for (String text : texts) {
			assertThat(text.length()).isGreaterThanOrEqualTo(20_000);
			long best = Timing.bestOfMillis(() -> detector.find(text));
			assertThat(best).as("%s...", text.substring(0, 20)).isLessThan(100);
		}
	}
}
