package org.steadfast.plans;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanGuidanceTest {

	private static Properties messages() throws Exception {
		Properties p = new Properties();
		try (InputStream in = PlanGuidanceTest.class.getResourceAsStream("/messages.properties")) {
			p.load(in);
		}
		return p;
	}

	private static List<String> words(PlanGuidance g) throws Exception {
		Properties p = messages();
		var keys = new java.util.ArrayList<>(g.reachedOutGuide());
		keys.addAll(List.of(g.reachedOutHeading(), g.statementLabel(), g.statementHint(), g.statementExample(),
				g.statementHeading(), g.sosStatementHeading(), g.milestone()));
		return keys.stream().map(k -> {
			assertThat(p.getProperty(k)).as(k).isNotNull();
			return p.getProperty(k).toLowerCase(Locale.ROOT);
		}).toList();
	}

	@Test
	void onlyBackTogetherSaysItIsTimeToTalk() throws Exception {
		assertThat(PlanPurpose.BACK_TOGETHER.guidance().talkingSuggested()).isTrue();
		assertThat(words(PlanPurpose.BACK_TOGETHER.guidance())).anyMatch(w -> w.contains("time to talk"));
		for (PlanPurpose p : List.of(PlanPurpose.MOVING_ON, PlanPurpose.STAYING_SAFE)) {
			assertThat(p.guidance().talkingSuggested()).isFalse();
			assertThat(words(p.guidance())).noneMatch(w -> w.contains("time to talk"));
		}
	}

	@Test
	void stayingSafeNeverRestatesTheStatementToThemAndBringsHelplinesAndDiscreetMode() throws Exception {
		PlanGuidance safe = PlanPurpose.STAYING_SAFE.guidance();
		assertThat(words(safe)).noneMatch(w -> w.contains("told them") || w.contains("talk to them")
				|| w.contains("before you answer") || w.contains("before you reply"));
		assertThat(safe.safetyHelplines()).isTrue();
		assertThat(safe.discreetByDefault()).isTrue();
		for (PlanPurpose p : List.of(PlanPurpose.BACK_TOGETHER, PlanPurpose.MOVING_ON)) {
			assertThat(p.guidance().safetyHelplines()).isFalse();
			assertThat(p.guidance().discreetByDefault()).isFalse();
		}
	}

	@Test
	void theThreePurposesGiveThreeDifferentReachedOutGuides() {
		assertThat(Arrays.stream(PlanPurpose.values()).map(p -> p.guidance().reachedOutGuide()).distinct())
				.hasSize(3);
	}

	@Test
	void aMissingPurposeIsTheDefaultAndATamperedOneHasItsOwnMessage() {
		assertThat(PlanRules.purpose(null).value()).isEqualTo(PlanPurpose.MOVING_ON);
		assertThat(PlanRules.purpose("STAYING_SAFE").value()).isEqualTo(PlanPurpose.STAYING_SAFE);
		assertThat(PlanRules.purpose("staying_safe").errors()).containsEntry("purpose", "plan.purpose.invalid");
		assertThat(PlanRules.purpose("<script>").errors()).containsEntry("purpose", "plan.purpose.invalid");
		assertThat(PlanRules.purpose(" ").errors()).containsEntry("purpose", "plan.purpose.required");
	}
}
