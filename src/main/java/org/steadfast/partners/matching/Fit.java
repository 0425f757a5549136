package org.steadfast.partners.matching;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Whether two members could be partners, and how well they would fit.
 * <p>
 * <b>Compatibility.</b> Two members are never proposed to each other when
 * <ul>
 * <li>their local times of day are more than {@link Rules#maxHoursApart()} hours apart at the
 * moment of matching. The distance is the shorter way round the clock between the UTC offsets in
 * force at that moment: min(|Δ|, 24 h − |Δ|). What a daily partnership needs is to be awake at the
 * same hours; the calendar date may differ. So Pacific/Auckland (UTC+13 in the southern summer)
 * and Pacific/Pago_Pago (UTC−11) are 0 hours apart although their offsets differ by 24, and
 * Auckland and Pacific/Honolulu (UTC−10) are 1 hour apart. Offsets are taken at the moment of
 * matching, so daylight saving time counts as it is in force then (New York and London are 4
 * hours apart for the weeks in March when only New York has moved its clocks, 5 otherwise), and
 * half-hour and 45-minute zones count exactly (Asia/Kolkata and Asia/Dubai are 1.5 hours apart);
 * </li>
 * <li>their plans started more than {@link Rules#maxCohortDays()} days apart;</li>
 * <li>both have wishes and none in common. A member without wishes matches anyone.</li>
 * </ul>
 * <p>
 * <b>Score.</b> A compatible pair scores {@value #FLOOR} plus {@code 1 − }{@value #FLOOR} times a
 * weighted sum of four closenesses, each between 0 and 1:
 * <table>
 * <caption>Weights</caption>
 * <tr><th>weight</th><th>closeness</th><th>1 when</th><th>0 when</th></tr>
 * <tr><td>{@value #WEIGHT_ZONE}</td><td>time zones, linear in the clock distance</td>
 * <td>same local time</td><td>{@code maxHoursApart} apart (1 throughout when that is 0)</td></tr>
 * <tr><td>{@value #WEIGHT_COHORT}</td><td>plan start dates</td>
 * <td>within {@value #SAME_WEEK_DAYS} days (the same week)</td>
 * <td>{@code maxCohortDays} apart, linear in between</td></tr>
 * <tr><td>{@value #WEIGHT_WISHES}</td><td>wishes: shared ÷ either (Jaccard)</td>
 * <td>the same wishes</td><td>never: incompatible instead; {@value #NO_PREFERENCE} when either
 * member has no wishes, because "anything" neither agrees nor disagrees</td></tr>
 * <tr><td>{@value #WEIGHT_CHECK_IN}</td><td>usual check-in moments, compared in UTC round the
 * clock</td><td>they check in at the same moment</td><td>12 hours apart</td></tr>
 * </table>
 * Zone and cohort weigh most because they decide whether the two are awake together and going
 * through the same weeks; the check-in moment weighs least because habits change and partners
 * read each other's check-ins later anyway. Check-in hours are compared as moments rather than as
 * local hours, because two members who both check in at 8 pm three zones apart still check in
 * three hours apart. The floor rewards every pair made: the total fit of a set of pairs is
 * {@value #FLOOR} for each pair plus 0.9 times its weighted closeness, so between choices of
 * similar closeness the matcher prefers the one that leaves fewer members waiting.
 */
public final class Fit {

	static final double WEIGHT_ZONE = 0.30;
	static final double WEIGHT_COHORT = 0.30;
	static final double WEIGHT_WISHES = 0.25;
	static final double WEIGHT_CHECK_IN = 0.15;
	static final double FLOOR = 0.1;
	static final double NO_PREFERENCE = 0.5;
	static final int SAME_WEEK_DAYS = 6;

	static final int DAY_SECONDS = 86_400;

	/** Marks an incompatible pair in the primitive fast path, where an Optional would cost. */
	static final double INCOMPATIBLE = -1;

	private Fit() {
	}

	/**
	 * The fit of {@code a} and {@code b} at the moment {@code now}, between {@value #FLOOR} and 1,
	 * or empty when they must not be proposed to each other (see the class comment). Symmetric.
	 */
	public static OptionalDouble score(Candidate a, Candidate b, Instant now, Rules rules) {
		Objects.requireNonNull(a, "a");
		Objects.requireNonNull(b, "b");
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(rules, "rules");
		int offsetA = offsetSeconds(a.zone(), now);
		int offsetB = offsetSeconds(b.zone(), now);
		double fit = fit(rules, offsetA, a.planStart().toEpochDay(), wishMask(a.wishes()),
				checkInSecond(a.usualCheckInHour(), offsetA), offsetB, b.planStart().toEpochDay(),
				wishMask(b.wishes()), checkInSecond(b.usualCheckInHour(), offsetB));
		return fit == INCOMPATIBLE ? OptionalDouble.empty() : OptionalDouble.of(fit);
	}

	/**
	 * The same score from precomputed features, so that the matcher and {@link #score} can never
	 * disagree about a pair. Returns {@link #INCOMPATIBLE} instead of an empty optional.
	 */
	static double fit(Rules rules, int offsetA, long dayA, int wishesA, int checkInA, int offsetB, long dayB,
			int wishesB, int checkInB) {
		int zoneLimit = rules.maxHoursApart() * 3600;
		int apart = clockDistance(offsetA, offsetB);
		if (apart > zoneLimit) {
			return INCOMPATIBLE;
		}
		long days = Math.abs(dayA - dayB);
		if (days > rules.maxCohortDays()) {
			return INCOMPATIBLE;
		}
		double wishes;
		if (wishesA == 0 || wishesB == 0) {
			wishes = NO_PREFERENCE;
		}
		else {
			int shared = Integer.bitCount(wishesA & wishesB);
			if (shared == 0) {
				return INCOMPATIBLE;
			}
			wishes = (double) shared / Integer.bitCount(wishesA | wishesB);
		}
		double zone = zoneLimit == 0 ? 1 : 1 - (double) apart / zoneLimit;
		double cohort = days <= SAME_WEEK_DAYS ? 1
				: 1 - (double) (days - SAME_WEEK_DAYS) / (rules.maxCohortDays() - SAME_WEEK_DAYS);
		double checkIn = 1 - (double) clockDistance(checkInA, checkInB) / (DAY_SECONDS / 2);
		double closeness = WEIGHT_ZONE * zone + WEIGHT_COHORT * cohort + WEIGHT_WISHES * wishes
				+ WEIGHT_CHECK_IN * checkIn;
		return Math.min(1, FLOOR + (1 - FLOOR) * closeness);
	}

	/** The UTC offset in force in {@code zone} at {@code now}. */
	static int offsetSeconds(ZoneId zone, Instant now) {
		return zone.getRules().getOffset(now).getTotalSeconds();
	}

	static int wishMask(Set<Wish> wishes) {
		int mask = 0;
		for (Wish wish : wishes) {
			mask |= 1 << wish.ordinal();
		}
		return mask;
	}

	/** The second of the UTC day at which a member checking in at {@code localHour} does so. */
	static int checkInSecond(int localHour, int offsetSeconds) {
		return Math.floorMod(localHour * 3600 - offsetSeconds, DAY_SECONDS);
	}

	/** The shorter way round the clock between two seconds-of-day or two UTC offsets. */
	static int clockDistance(int secondsA, int secondsB) {
		int apart = Math.floorMod(secondsA - secondsB, DAY_SECONDS);
		return Math.min(apart, DAY_SECONDS - apart);
	}
}
