package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {

	private final CrisisDetector detector = CrisisDetector.withDefaultPhrases();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"I want to kill myself", "I keep thinking about killing myself", "I nearly killed myself last year",
			"I want to end my life", "thinking of ending my life", "sometimes I just want to end it all",
			"I want to take my own life", "I just want to die", "I wanna die", "I wish I was dead",
			"I feel suicidal tonight", "Suicide has crossed my mind", "I've been self-harming again",
			"self harm", "selfharm", "I cut myself last night", "I hurt myself again", "I want to harm myself",
			"there's no reason to live", "they'd all be better off without me", "I have nothing to live for",
			"life isn't worth living", "I took an overdose", "I can't go on", "I cant go on", "I can’t go on",
			"I CANNOT GO ON", "I don't want to live anymore", "I dont want to be alive", "I want to unalive",
			"SUICIDAL", "su1c1dal", "k1ll mys3lf", "kill\nmyself", "want to\u200B die", "ｓｕｉｃｉｄｅ",
			"su\u0456cidal", "I'm going to kill... myself"
	})
	void noticesTalkOfSuicideAndSelfHarm(String text) {
		assertThat(detector.matches(text)).isTrue();
		assertThat(detector.matchedPhrases(text)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"this job is killing me", "this breakup is killing me", "I'd die for pizza", "I could die of embarrassment",
			"I'm dying to see the new film", "I cut myself off from him completely", "cutting myself off was the best thing",
			"I was killing myself laughing", "I want to take my life back", "I'm going to end things with him",
			"I can't do this anymore", "self-care Sunday", "it was overdue", "I killed my plants", "he wants to diet",
			"I don't want to live with my parents", "skill myself up", "better off without him",
			"I went no contact and I feel free", "I cut my hair", "hurt my feelings", "I can go on"
	})
	void leavesEverydayPhrasesAlone(String text) {
		assertThat(detector.matches(text)).isFalse();
		assertThat(detector.matchedPhrases(text)).isEmpty();
	}

	@Test
	void reportsEachMatchedPhraseOnceAsConfiguredInTextOrder() {
		assertThat(detector.matchedPhrases("I feel SUICIDAL. I want to kill myself. Suicidal, again."))
				.containsExactly("suicidal", "kill myself");
		assertThat(detector.matchedPhrases("self harm")).containsExactly("self harm", "self-harm");
	}

	@Test
	void anExceptionOnlyExcusesTheOccurrenceInsideIt() {
		assertThat(detector.matchedPhrases("I cut myself off from him, then I cut myself")).containsExactly("cut myself");
		assertThat(new CrisisDetector(CrisisDetector.defaultPhrases(), List.of()).matches("I cut myself off from him"))
				.isTrue();
	}

	@Test
	void customPhrasesMatchTheSameWholeWordFoldedWay() {
		CrisisDetector custom = new CrisisDetector(List.of("die", "can't breathe"));
		assertThat(custom.matchedPhrases("I'd DIE for pizza")).containsExactly("die");
		assertThat(custom.matches("on a diet")).isFalse();
		assertThat(custom.matches("I cant   breathe")).isTrue();
		assertThat(custom.matches("I can breathe")).isFalse();
	}

	@Test
	void keepsItsOwnCopyOfThePhrases() {
		List<String> phrases = new ArrayList<>(List.of("alpha"));
		CrisisDetector custom = new CrisisDetector(phrases);
		phrases.add("beta");
		assertThat(custom.matches("beta")).isFalse();
		assertThat(custom.phrases()).containsExactly("alpha");
	}

	@Test
	void noTextNoMatch() {
		assertThat(detector.matches(null)).isFalse();
		assertThat(detector.matchedPhrases("")).isEmpty();
	}

	@Test
	void adversarialTextIsCheckedWellUnderATenthOfASecond() {
		for (String text : List.of("want to ".repeat(2_500), "kill ".repeat(4_000), "k i l l ".repeat(2_500),
				"i".repeat(20_000), "cut myself ".repeat(1_900))) {
			long best = Timing.bestOfMillis(() -> detector.matchedPhrases(text));
			assertThat(best).as("%s...", text.substring(0, 20)).isLessThan(100);
		}
	}
}
