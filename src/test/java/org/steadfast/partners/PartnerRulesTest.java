package org.steadfast.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.partners.matching.Wish;

class PartnerRulesTest {

	@Test
	void aProfileNeedsAValidHourKnownWishesAndAnIntroWhenLooking() {
		var ok = PartnerRules.profile("true", "7", List.of("DAILY_ENCOURAGEMENT"), "  Hello there  ", null);
		assertThat(ok.ok()).isTrue();
		assertThat(ok.value().checkInHour()).isEqualTo(7);
		assertThat(ok.value().wishes()).containsExactly(Wish.DAILY_ENCOURAGEMENT);
		assertThat(ok.value().intro()).isEqualTo("Hello there");
		assertThat(ok.value().sosHelper()).isFalse();

		var bad = PartnerRules.profile("true", "24", List.of("FLOWERS"), "", "true");
		assertThat(bad.errors()).containsEntry("checkInHour", "partners.profile.hourInvalid")
				.containsEntry("wishes", "partners.profile.wishInvalid")
				.containsEntry("intro", "partners.profile.introRequired");
		assertThat(PartnerRules.profile("true", "x", List.of(), "Hi", null).errors()).containsKey("checkInHour");
		assertThat(PartnerRules.profile(null, "20", null, "", null).ok()).isTrue();
		assertThat(PartnerRules.profile("true", "20", null, "a".repeat(501), null).errors())
				.containsEntry("intro", "partners.profile.introInvalid");
	}

	@Test
	void messagesAreTrimmedAndNeitherEmptyNorTooLong() {
		assertThat(PartnerRules.text("  hi  ", 10, false, "body", "empty", "invalid").value()).isEqualTo("hi");
		assertThat(PartnerRules.text("   ", 10, false, "body", "empty", "invalid").errors()).containsEntry("body", "empty");
		assertThat(PartnerRules.text("   ", 10, true, "note", "empty", "invalid").value()).isEmpty();
		assertThat(PartnerRules.text("x".repeat(11), 10, false, "body", "empty", "invalid").errors())
				.containsEntry("body", "invalid");
		assertThat(PartnerRules.text("a\u202Eb", 10, false, "body", "empty", "invalid").ok()).isFalse();
	}
}
