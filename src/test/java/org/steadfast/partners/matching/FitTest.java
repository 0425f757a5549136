package org.steadfast.partners.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.steadfast.partners.matching.Pools.candidate;
import static org.steadfast.partners.matching.Wish.DAILY_ENCOURAGEMENT;
import static org.steadfast.partners.matching.Wish.MESSAGE_BEFORE_BREAKING;
import static org.steadfast.partners.matching.Wish.READ_CHECK_INS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitTest {

	/** Southern summer: Auckland is UTC+13, Adelaide UTC+10:30; the northern zones are on standard time. */
	static final Instant JANUARY = Instant.parse("2025-01-15T12:00:00Z");
	/** Southern winter and northern summer: Auckland UTC+12, London UTC+1, New York UTC−4. */
	static final Instant JULY = Instant.parse("2025-07-15T12:00:00Z");
	/** North America moved its clocks on 9 March 2025, Europe only on 30 March. */
	static final Instant MID_MARCH = Instant.parse("2025-03-15T12:00:00Z");
	/** Europe moved its clocks back on 26 October 2025, North America only on 2 November. */
	static final Instant LATE_OCTOBER = Instant.parse("2025-10-29T12:00:00Z");

	static final LocalDate START = LocalDate.of(2025, 1, 6);
	static final Rules DEFAULTS = Rules.DEFAULTS;
	static final Rules FOUR_HOURS = new Rules(4, 60);

	private static OptionalDouble fit(Candidate a, Candidate b, Instant now) {
		return Fit.score(a, b, now, DEFAULTS);
	}

	/** Two members alike in everything but their zone, each checking in at 8 pm local time. */
	private static OptionalDouble zones(String zoneA, String zoneB, Instant now, Rules rules) {
		return Fit.score(candidate(1, zoneA, START, 20, DAILY_ENCOURAGEMENT),
				candidate(2, zoneB, START, 20, DAILY_ENCOURAGEMENT), now, rules);
	}

	private static OptionalDouble zones(String zoneA, String zoneB, Instant now) {
		return zones(zoneA, zoneB, now, DEFAULTS);
	}

	/** The fit of two otherwise identical members whose local clocks are {@code minutes} apart. */
	private static double fitMinutesApart(int minutes) {
		return zones("UTC", ZoneOffset.ofTotalSeconds(minutes * 60).getId(), JANUARY).getAsDouble();
	}

	private static double expected(double zone, double cohort, double wishes, double checkIn) {
		return 0.1 + 0.9 * (0.30 * zone + 0.30 * cohort + 0.25 * wishes + 0.15 * checkIn);
	}

	@Test
	void membersAlikeInEverythingFitPerfectly() {
		Candidate a = candidate(1, "Europe/London", START, 21, DAILY_ENCOURAGEMENT, READ_CHECK_INS);
		Candidate b = candidate(2, "Europe/London", START.plusDays(3), 21, READ_CHECK_INS, DAILY_ENCOURAGEMENT);
		assertThat(fit(a, b, JANUARY)).hasValue(1.0);
	}

	@Test
	void theWeightsAreTheDocumentedOnes() {
		// Each closeness at its worst in turn, the others perfect.
		Candidate base = candidate(1, "UTC", START, 20, DAILY_ENCOURAGEMENT);
		Candidate threeHoursEastSameMoment = candidate(2, "+03:00", START, 23, DAILY_ENCOURAGEMENT);
		assertThat(fit(base, threeHoursEastSameMoment, JANUARY).getAsDouble())
				.isCloseTo(expected(0, 1, 1, 1), within(1e-12));
		Candidate sixtyDaysLater = candidate(2, "UTC", START.plusDays(60), 20, DAILY_ENCOURAGEMENT);
		assertThat(fit(base, sixtyDaysLater, JANUARY).getAsDouble()).isCloseTo(expected(1, 0, 1, 1), within(1e-12));
		Candidate noWishes = candidate(2, "UTC", START, 20);
		assertThat(fit(base, noWishes, JANUARY).getAsDouble()).isCloseTo(expected(1, 1, 0.5, 1), within(1e-12));
		Candidate twelveHoursLater = candidate(2, "UTC", START, 8, DAILY_ENCOURAGEMENT);
		assertThat(fit(base, twelveHoursLater, JANUARY).getAsDouble()).isCloseTo(expected(1, 1, 1, 0), within(1e-12));
		assertThat(expected(0, 0, 1.0 / 3, 0)).as("the lowest possible score").isGreaterThan(0.1);
	}

	@Test
	void fitIsSymmetricAndBetweenTheFloorAndOne() {
		Random random = new Random(5);
		List<Candidate> pool = Pools.dense(60, JANUARY, random);
		for (Candidate a : pool) {
			for (Candidate b : pool) {
				OptionalDouble ab = fit(a, b, JANUARY);
				assertThat(ab).isEqualTo(fit(b, a, JANUARY));
				if (ab.isPresent()) {
					assertThat(ab.getAsDouble()).isBetween(0.1, 1.0);
				}
			}
		}
	}

	@Test
	void aucklandInSummerAndPagoPagoKeepTheSameClockADayApart() {
		// UTC+13 and UTC−11: 24 hours apart by offset, 0 by the clock on the wall.
		assertThat(zones("Pacific/Auckland", "Pacific/Pago_Pago", JANUARY)).hasValue(1.0);
	}

	@Test
	void aucklandInSummerAndHonoluluAreOneHourApart() {
		// UTC+13 and UTC−10: the short way round is one hour.
		assertThat(zones("Pacific/Auckland", "Pacific/Honolulu", JANUARY).getAsDouble())
				.isCloseTo(fitMinutesApart(60), within(1e-12));
	}

	@Test
	void kiritimatiAndHonoluluShareTheirClock() {
		// UTC+14 and UTC−10: a full day apart by offset, the same time on the wall.
		assertThat(zones("Pacific/Kiritimati", "Pacific/Honolulu", JULY)).hasValue(1.0);
	}

	@Test
	void aucklandAndLosAngelesAreCloseEnoughOnlyInTheSouthernSummer() {
		// January: UTC+13 and UTC−8, three hours apart the short way. July: UTC+12 and UTC−7, five.
		assertThat(zones("Pacific/Auckland", "America/Los_Angeles", JANUARY)).isPresent();
		assertThat(zones("Pacific/Auckland", "America/Los_Angeles", JULY)).isEmpty();
	}

	@Test
	void goingRoundTheClockDoesNotMakeFarZonesClose() {
		// UTC+9 and UTC−10: 19 hours one way, 5 the other.
		assertThat(zones("Asia/Tokyo", "Pacific/Honolulu", JANUARY)).isEmpty();
		assertThat(zones("Europe/London", "Pacific/Auckland", JANUARY)).isEmpty();
	}

	@Test
	void newYorkAndLondonAreFourHoursApartOnlyInTheWeeksWhenOnlyOneHasSwitched() {
		assertThat(zones("America/New_York", "Europe/London", MID_MARCH, FOUR_HOURS)).isPresent();
		assertThat(zones("America/New_York", "Europe/London", LATE_OCTOBER, FOUR_HOURS)).isPresent();
		assertThat(zones("America/New_York", "Europe/London", JANUARY, FOUR_HOURS)).isEmpty();
		assertThat(zones("America/New_York", "Europe/London", JULY, FOUR_HOURS)).isEmpty();
		assertThat(zones("America/New_York", "Europe/London", MID_MARCH)).as("default rules").isEmpty();
	}

	@Test
	void halifaxAndLondonAreWithinThreeHoursOnlyInThoseWeeks() {
		// Halifax UTC−4/−3, London UTC+0/+1: four hours apart except while only Halifax is on summer time.
		assertThat(zones("America/Halifax", "Europe/London", MID_MARCH)).isPresent();
		assertThat(zones("America/Halifax", "Europe/London", LATE_OCTOBER)).isPresent();
		assertThat(zones("America/Halifax", "Europe/London", JANUARY)).isEmpty();
		assertThat(zones("America/Halifax", "Europe/London", JULY)).isEmpty();
	}

	@Test
	void checkInMomentsFollowTheOffsetsInForce() {
		// Both check in at 8 pm local time: 4 hours apart in January, 5 in mid-March.
		double january = zones("America/Halifax", "Europe/London", JANUARY, FOUR_HOURS).getAsDouble();
		double march = zones("America/Halifax", "Europe/London", MID_MARCH, FOUR_HOURS).getAsDouble();
		assertThat(january).isCloseTo(expected(0, 1, 1, 1 - 4.0 / 12), within(1e-12));
		assertThat(march).isCloseTo(expected(0.25, 1, 1, 1 - 3.0 / 12), within(1e-12));
	}

	@Test
	void kolkataAndDubaiAreAnHourAndAHalfApart() {
		assertThat(zones("Asia/Kolkata", "Asia/Dubai", JANUARY).getAsDouble())
				.isCloseTo(expected(0.5, 1, 1, 1 - 1.5 / 12), within(1e-12));
	}

	@Test
	void kathmanduIsAQuarterOfAnHourFromKolkata() {
		assertThat(zones("Asia/Kathmandu", "Asia/Kolkata", JANUARY).getAsDouble())
				.isCloseTo(fitMinutesApart(15), within(1e-12));
	}

	@Test
	void athensIsTooFarFromKolkataInWinterButNotInSummer() {
		// UTC+2 in winter is three and a half hours from UTC+5:30; UTC+3 in summer two and a half.
		assertThat(zones("Europe/Athens", "Asia/Kolkata", JANUARY)).isEmpty();
		assertThat(zones("Europe/Athens", "Asia/Kolkata", JULY)).isPresent();
	}

	@Test
	void stJohnsComesWithinReachOfLondonOnlyInTheMarchGap() {
		// UTC−3:30 and UTC+0 in winter, UTC−2:30 and UTC+1 in summer: 3.5 hours; 2.5 in between.
		assertThat(zones("America/St_Johns", "Europe/London", JANUARY)).isEmpty();
		assertThat(zones("America/St_Johns", "Europe/London", JULY)).isEmpty();
		assertThat(zones("America/St_Johns", "Europe/London", MID_MARCH)).isPresent();
	}

	@Test
	void adelaideKeepsItsHalfHourThroughItsOwnDaylightSavingTime() {
		// UTC+10:30 and UTC+13 in January, UTC+9:30 and UTC+12 in July.
		assertThat(zones("Australia/Adelaide", "Pacific/Auckland", JANUARY).getAsDouble())
				.isCloseTo(fitMinutesApart(150), within(1e-12));
		assertThat(zones("Australia/Adelaide", "Pacific/Auckland", JULY).getAsDouble())
				.isCloseTo(fitMinutesApart(150), within(1e-12));
	}

	@Test
	void theLimitIsInclusiveToTheMinute() {
		assertThat(zones("UTC", "+03:00", JANUARY)).isPresent();
		assertThat(zones("UTC", "-03:00", JANUARY)).isPresent();
		assertThat(zones("UTC", "+03:01", JANUARY)).isEmpty();
		assertThat(zones("UTC", "-03:30", JANUARY)).isEmpty();
	}

	@Test
	void closerZonesFitBetter() {
		double previous = 2;
		for (int minutes = 0; minutes <= 180; minutes += 15) {
			double fit = fitMinutesApart(minutes);
			assertThat(fit).isLessThan(previous);
			previous = fit;
		}
	}

	private double daysApart(int days, Rules rules) {
		return Fit.score(candidate(1, "UTC", START, 20, READ_CHECK_INS),
				candidate(2, "UTC", START.plusDays(days), 20, READ_CHECK_INS), JANUARY, rules).orElse(-1);
	}

	@Test
	void theSameWeekIsBest() {
		for (int days = 0; days <= 6; days++) {
			assertThat(daysApart(days, DEFAULTS)).isEqualTo(1.0);
		}
		assertThat(daysApart(7, DEFAULTS)).isLessThan(1.0);
	}

	@Test
	void fartherStartsFitWorseUpToTheLimit() {
		double previous = daysApart(6, DEFAULTS);
		for (int days = 7; days <= 60; days++) {
			double fit = daysApart(days, DEFAULTS);
			assertThat(fit).isLessThan(previous).isGreaterThan(0);
			previous = fit;
		}
		assertThat(daysApart(61, DEFAULTS)).isEqualTo(-1);
	}

	@Test
	void theLimitComesFromTheRules() {
		Rules tenDays = new Rules(3, 10);
		assertThat(daysApart(10, tenDays)).isPositive();
		assertThat(daysApart(11, tenDays)).isEqualTo(-1);
		Rules sameDay = new Rules(3, 0);
		assertThat(daysApart(0, sameDay)).isEqualTo(1.0);
		assertThat(daysApart(1, sameDay)).isEqualTo(-1);
	}

	@Test
	void orderDoesNotMatter() {
		Candidate early = candidate(1, "UTC", START, 20);
		Candidate late = candidate(2, "UTC", START.plusDays(30), 20);
		assertThat(fit(early, late, JANUARY)).isEqualTo(fit(late, early, JANUARY));
	}

	private OptionalDouble wishes(Set<Wish> a, Set<Wish> b) {
		return fit(new Candidate(1, ZoneId.of("UTC"), START, a, 20), new Candidate(2, ZoneId.of("UTC"), START, b, 20),
				JANUARY);
	}

	@Test
	void noWishInCommonIsIncompatible() {
		assertThat(wishes(EnumSet.of(DAILY_ENCOURAGEMENT), EnumSet.of(READ_CHECK_INS))).isEmpty();
		assertThat(wishes(EnumSet.of(DAILY_ENCOURAGEMENT, MESSAGE_BEFORE_BREAKING), EnumSet.of(READ_CHECK_INS)))
				.isEmpty();
	}

	@Test
	void aMemberWithoutWishesMatchesAnyone() {
		for (Wish wish : Wish.values()) {
			assertThat(wishes(Set.of(), EnumSet.of(wish)).getAsDouble())
					.isCloseTo(expected(1, 1, 0.5, 1), within(1e-12));
		}
		assertThat(wishes(Set.of(), EnumSet.allOf(Wish.class)).getAsDouble()).isCloseTo(expected(1, 1, 0.5, 1),
				within(1e-12));
		assertThat(wishes(Set.of(), Set.of()).getAsDouble()).isCloseTo(expected(1, 1, 0.5, 1), within(1e-12));
	}

	@Test
	void moreSharedWishesFitBetter() {
		double oneOfThree = wishes(EnumSet.of(DAILY_ENCOURAGEMENT), EnumSet.allOf(Wish.class)).getAsDouble();
		double oneOfTwo = wishes(EnumSet.of(DAILY_ENCOURAGEMENT), EnumSet.of(DAILY_ENCOURAGEMENT, READ_CHECK_INS))
				.getAsDouble();
		double twoOfThree = wishes(EnumSet.of(DAILY_ENCOURAGEMENT, READ_CHECK_INS), EnumSet.allOf(Wish.class))
				.getAsDouble();
		double same = wishes(EnumSet.of(MESSAGE_BEFORE_BREAKING), EnumSet.of(MESSAGE_BEFORE_BREAKING)).getAsDouble();
		assertThat(oneOfThree).isCloseTo(expected(1, 1, 1.0 / 3, 1), within(1e-12));
		assertThat(oneOfTwo).isCloseTo(expected(1, 1, 0.5, 1), within(1e-12));
		assertThat(twoOfThree).isCloseTo(expected(1, 1, 2.0 / 3, 1), within(1e-12));
		assertThat(same).isEqualTo(1.0);
	}

	private double hours(String zoneA, int hourA, String zoneB, int hourB) {
		return fit(candidate(1, zoneA, START, hourA, READ_CHECK_INS), candidate(2, zoneB, START, hourB, READ_CHECK_INS),
				JANUARY).getAsDouble();
	}

	@Test
	void hoursAreComparedRoundTheClock() {
		assertThat(hours("UTC", 23, "UTC", 1)).isCloseTo(expected(1, 1, 1, 1 - 2.0 / 12), within(1e-12));
		assertThat(hours("UTC", 23, "UTC", 1)).isEqualTo(hours("UTC", 10, "UTC", 12));
		assertThat(hours("UTC", 0, "UTC", 12)).isCloseTo(expected(1, 1, 1, 0), within(1e-12));
	}

	@Test
	void hoursAreComparedAsMomentsNotAsLocalTimes() {
		// 8 pm in London and 11 pm in Moscow (UTC+3) are the same moment.
		assertThat(hours("Europe/London", 20, "Europe/Moscow", 23))
				.isGreaterThan(hours("Europe/London", 20, "Europe/Moscow", 20));
		assertThat(hours("Europe/London", 20, "Europe/Moscow", 23)).isCloseTo(expected(0, 1, 1, 1), within(1e-12));
	}

	@ParameterizedTest
	@CsvSource({ "-1", "24" })
	void checkInHourMustBeAnHourOfTheDay(int hour) {
		assertThatIllegalArgumentException().isThrownBy(() -> candidate(1, "UTC", START, hour));
	}

	@Test
	void rulesMustBeSensible() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rules(-1, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rules(13, 60));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rules(3, -1));
		assertThat(new Rules(12, 0)).isNotNull();
		assertThat(Rules.DEFAULTS).isEqualTo(new Rules(3, 60));
	}

	@Test
	void twelveHoursApartAllowsEveryZone() {
		Rules anywhere = new Rules(12, 60);
		assertThat(zones("Europe/London", "Pacific/Auckland", JANUARY, anywhere)).isPresent();
		assertThat(zones("Asia/Tokyo", "America/New_York", JULY, anywhere)).isPresent();
	}

	@Test
	void wishesAreCopiedAndCannotBeChanged() {
		Set<Wish> wishes = new HashSet<>(Set.of(READ_CHECK_INS));
		Candidate candidate = new Candidate(1, ZoneId.of("UTC"), START, wishes, 20);
		wishes.add(DAILY_ENCOURAGEMENT);
		assertThat(candidate.wishes()).containsExactly(READ_CHECK_INS);
		assertThatThrownBy(() -> candidate.wishes().add(DAILY_ENCOURAGEMENT))
				.isInstanceOf(UnsupportedOperationException.class);
	}
}
