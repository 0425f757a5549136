package org.steadfast.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.steadfast.forum.Visibility;
import org.steadfast.plans.PlanRules.CheckInInput;
import org.steadfast.plans.PlanRules.ContactInput;
import org.steadfast.plans.PlanRules.PlanInput;
import org.steadfast.plans.PlanRules.SlipInput;

class PlanRulesTest {

	static final LocalDate TODAY = LocalDate.parse("2026-11-25");

	static PlanInput plan(String startDate, String target, String customDays) {
		return new PlanInput("No contact, for me", "Romance or nothing.", startDate, target, customDays, "My peace",
				"Nights", "Walk", "MEMBERS", List.of("2026-12-24", ""), List.of("Christmas", ""), List.of("", ""));
	}

	@Test
	void aCompletePlanParses() {
		var parsed = PlanRules.plan(plan("2026-11-09", "30", ""), TODAY);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.value().startDate()).isEqualTo(LocalDate.parse("2026-11-09"));
		assertThat(parsed.value().targetDays()).isEqualTo(30);
		assertThat(parsed.value().visibility()).isEqualTo(Visibility.MEMBERS);
		assertThat(parsed.value().keyDates()).singleElement()
				.satisfies(k -> assertThat(k.label()).isEqualTo("Christmas"));
	}

	@ParameterizedTest(name = "start {0} → {1}")
	@CsvSource({ "2026-11-26, plan.startDate.future", "1969-12-31, date.tooEarly", "2026-02-30, date.invalid",
			"yesterday, date.invalid", "'', date.required" })
	void startDatesMustBeRealPastDates(String start, String key) {
		assertThat(PlanRules.plan(plan(start, "30", ""), TODAY).errors()).containsEntry("startDate", key);
	}

	@ParameterizedTest(name = "target {0}/{1} → {2}")
	@CsvSource({ "custom, 0, customDays", "custom, 10000, customDays", "custom, abc, customDays", "31, '', target",
			"'', '', target" })
	void targetsAreAChoiceOrOneToThreeThousandSixHundredFiftyDays(String target, String custom, String field) {
		assertThat(PlanRules.plan(plan("2026-11-09", target, custom), TODAY).errors()).containsKey(field);
	}

	@Test
	void aCustomTargetParses() {
		assertThat(PlanRules.plan(plan("2026-11-09", "custom", "120"), TODAY).value().targetDays()).isEqualTo(120);
	}

	@Test
	void keyDatesNeedALabelAndARealDate() {
		var in = new PlanInput("No contact, for me", "", "2026-11-09", "30", "", "", "", "", "PRIVATE",
				List.of("2026-12-24", "not a date"), List.of("", "Birthday"), List.of("", ""));
		var errors = PlanRules.plan(in, TODAY).errors();
		assertThat(errors).containsEntry("keyDates0", "plan.keyDate.labelRequired").containsEntry("keyDates1", "date.invalid");
	}

	@Test
	void unknownVisibilityAndControlCharactersAreRefused() {
		var in = new PlanInput("No contact, for me", "evil\u202E", "2026-11-09", "30", "", "", "", "", "EVERYONE",
				List.of(), List.of(), List.of());
		var errors = PlanRules.plan(in, TODAY).errors();
		assertThat(errors).containsEntry("visibility", "plan.visibility.invalid")
				.containsEntry("statement", "text.forbiddenCharacters");
	}

	@ParameterizedTest(name = "mood {0}, urge {1}")
	@CsvSource({ "9, 5, mood", "0, 5, mood", "3, -1, urge", "3, 11, urge", "x, 5, mood", "3, '', urge" })
	void moodIsOneToFiveAndUrgeZeroToTen(String mood, String urge, String field) {
		var parsed = PlanRules.checkIn(new CheckInInput("today", "yes", mood, urge, ""), TODAY, LocalDate.parse("2026-11-01"));
		assertThat(parsed.errors()).containsKey(field);
	}

	@Test
	void checkInsAreForTodayOrYesterdayAndNotBeforeThePlan() {
		LocalDate start = LocalDate.parse("2026-11-25");
		assertThat(PlanRules.checkIn(new CheckInInput("today", "yes", "3", "5", ""), TODAY, start).value().day())
				.isEqualTo(TODAY);
		assertThat(PlanRules.checkIn(new CheckInInput("yesterday", "yes", "3", "5", ""), TODAY, start).errors())
				.containsEntry("day", "checkin.day.beforePlan");
		assertThat(PlanRules.checkIn(new CheckInInput("2026-11-26", "yes", "3", "5", ""), TODAY, start).errors())
				.containsEntry("day", "checkin.day.range");
		assertThat(PlanRules.checkIn(new CheckInInput("today", "maybe", "3", "5", ""), TODAY, start).errors())
				.containsEntry("kept", "checkin.kept.required");
	}

	@Test
	void slipsAndContactsAreInThePastAndWithinThePlan() {
		LocalDate start = LocalDate.parse("2026-11-01");
		assertThat(PlanRules.slip(new SlipInput("2026-11-26", "TEXTED", "ME", ""), TODAY, start).errors())
				.containsEntry("day", "date.future");
		assertThat(PlanRules.slip(new SlipInput("2026-10-31", "TEXTED", "ME", ""), TODAY, start).errors())
				.containsEntry("day", "date.beforePlan");
		assertThat(PlanRules.slip(new SlipInput("2026-11-20", "SHOUTED", "HIM", ""), TODAY, start).errors())
				.containsEntry("kind", "slip.kind.required").containsEntry("initiatedBy", "slip.initiatedBy.required");
		assertThat(PlanRules.slip(new SlipInput("2026-11-20", "CALLED", "THEM", "They rang twice"), TODAY, start).ok())
				.isTrue();
		assertThat(PlanRules.contact(new ContactInput("2026-11-20", "PIGEON", "", ""), TODAY, start).errors())
				.containsEntry("channel", "contact.channel.required");
		assertThat(PlanRules.contact(new ContactInput("2026-11-20", "TEXT", "x".repeat(2001), ""), TODAY, start).errors())
				.containsEntry("offered", "text.tooLong.2000");
	}
}
