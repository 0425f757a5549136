package org.steadfast.partners.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.steadfast.partners.matching.Pools.candidate;
import static org.steadfast.partners.matching.Wish.DAILY_ENCOURAGEMENT;
import static org.steadfast.partners.matching.Wish.MESSAGE_BEFORE_BREAKING;
import static org.steadfast.partners.matching.Wish.READ_CHECK_INS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MatcherTest {

	static final Instant JANUARY = FitTest.JANUARY;
	static final Instant MID_MARCH = FitTest.MID_MARCH;
	static final LocalDate START = FitTest.START;
	static final Rules DEFAULTS = Rules.DEFAULTS;

	/** Excludes exactly the listed pairs, in the direction given only. */
	private static Exclusions excluding(long[]... pairs) {
		Set<String> excluded = new HashSet<>();
		for (long[] pair : pairs) {
			excluded.add(pair[0] + "-" + pair[1]);
		}
		return (a, b) -> excluded.contains(a + "-" + b);
	}

	/**
	 * Every member is either in exactly one pair or waiting, never both; every pair is compatible,
	 * not excluded, and carries its fit.
	 */
	static void assertConsistent(Result result, List<Candidate> pool, Exclusions exclusions, Instant now, Rules rules) {
		Map<Long, Candidate> byId = new HashMap<>();
		pool.forEach(candidate -> byId.put(candidate.memberId(), candidate));
		Set<Long> seen = new HashSet<>();
		for (Pair pair : result.pairs()) {
			assertThat(pair.a()).isLessThan(pair.b());
			assertThat(seen.add(pair.a())).as("%d is in one pair only", pair.a()).isTrue();
			assertThat(seen.add(pair.b())).as("%d is in one pair only", pair.b()).isTrue();
			assertThat(exclusions.excluded(pair.a(), pair.b()) || exclusions.excluded(pair.b(), pair.a()))
					.as("%s is excluded", pair).isFalse();
			OptionalDouble fit = Fit.score(byId.get(pair.a()), byId.get(pair.b()), now, rules);
			assertThat(fit).as("%s is compatible", pair).isPresent();
			assertThat(pair.fit()).isEqualTo(fit.getAsDouble());
		}
		for (Long waiting : result.waiting().keySet()) {
			assertThat(seen.add(waiting)).as("%d waits and is paired", waiting).isTrue();
		}
		assertThat(seen).isEqualTo(byId.keySet());
		List<Pair> sorted = new ArrayList<>(result.pairs());
		sorted.sort((x, y) -> Long.compare(x.a(), y.a()));
		assertThat(result.pairs()).isEqualTo(sorted);
		assertThat(new ArrayList<>(result.waiting().keySet())).isSorted();
	}

	private static Result match(List<Candidate> pool, Exclusions exclusions, Instant now) {
		Result result = Matcher.match(pool, exclusions, now, DEFAULTS);
		assertConsistent(result, pool, exclusions, now, DEFAULTS);
		return result;
	}

	@Test
	void anEmptyPoolGivesNothing() {
		Result result = match(List.of(), Exclusions.NONE, JANUARY);
		assertThat(result.pairs()).isEmpty();
		assertThat(result.waiting()).isEmpty();
	}

	@Test
	void aMemberAloneWaitsForSomeoneCompatible() {
		Result result = match(List.of(candidate(7, "Europe/London", START, 20)), Exclusions.NONE, JANUARY);
		assertThat(result.waiting()).containsExactly(entry(7L, Waiting.NO_COMPATIBLE_MEMBER));
	}

	@Test
	void twoCompatibleMembersArePairedWithTheirFit() {
		Candidate a = candidate(20, "Europe/London", START, 20, READ_CHECK_INS);
		Candidate b = candidate(10, "Europe/Berlin", START.plusDays(9), 21, READ_CHECK_INS, DAILY_ENCOURAGEMENT);
		Result result = match(List.of(a, b), Exclusions.NONE, JANUARY);
		assertThat(result.pairs()).containsExactly(new Pair(10, 20, Fit.score(a, b, JANUARY, DEFAULTS).getAsDouble()));
		assertThat(result.waiting()).isEmpty();
	}

	@Test
	void theTotalIsMaximisedNotTheBestPairTakenFirst() {
		// A chain a–b–c–d (clocks at UTC−3, 0, +1, +4): b–c fit best on their own, but taking
		// them leaves a and d with nobody, while a–b and c–d together fit better.
		Candidate a = candidate(1, "-03:00", START, 20, DAILY_ENCOURAGEMENT);
		Candidate b = candidate(2, "Z", START, 20, DAILY_ENCOURAGEMENT);
		Candidate c = candidate(3, "+01:00", START, 20, DAILY_ENCOURAGEMENT);
		Candidate d = candidate(4, "+04:00", START, 20, DAILY_ENCOURAGEMENT);
		double ab = Fit.score(a, b, JANUARY, DEFAULTS).getAsDouble();
		double bc = Fit.score(b, c, JANUARY, DEFAULTS).getAsDouble();
		double cd = Fit.score(c, d, JANUARY, DEFAULTS).getAsDouble();
		assertThat(bc).isGreaterThan(ab).isGreaterThan(cd - 1e-12);
		assertThat(Fit.score(a, c, JANUARY, DEFAULTS)).isEmpty();
		assertThat(Fit.score(b, d, JANUARY, DEFAULTS)).isEmpty();

		Result result = match(List.of(d, c, b, a), Exclusions.NONE, JANUARY);

		assertThat(result.pairs()).extracting(Pair::a, Pair::b)
				.containsExactly(tuple(1L, 2L), tuple(3L, 4L));
		assertThat(result.totalFit()).isCloseTo(ab + cd, within(1e-12)).isGreaterThan(bc);
	}

	@Test
	void whoWaitsWhenTwoWantTheSamePartnerIsTheOneWhoFitsLess() {
		// b is compatible with a and c, who are six hours apart; a started the same week as b.
		Candidate a = candidate(1, "-03:00", START, 20, READ_CHECK_INS);
		Candidate b = candidate(2, "Z", START, 20, READ_CHECK_INS);
		Candidate c = candidate(3, "+03:00", START.plusDays(40), 20, READ_CHECK_INS);
		Result result = match(List.of(a, b, c), Exclusions.NONE, JANUARY);
		assertThat(result.pairs()).extracting(Pair::a, Pair::b).containsExactly(tuple(1L, 2L));
		assertThat(result.waiting()).containsExactly(entry(3L, Waiting.BETTER_OVERALL_ELSEWHERE));
	}

	@Test
	void excludedPairsAreNeverProposedWhicheverWayTheyWereRecorded() {
		Candidate a = candidate(1, "Europe/London", START, 20);
		Candidate b = candidate(2, "Europe/London", START, 20);
		Candidate c = candidate(3, "Europe/London", START, 9);
		// b blocked a, as b's record would say; the matcher must also ask the other way round.
		Result result = match(List.of(a, b, c), excluding(new long[] { 2, 1 }), JANUARY);
		assertThat(result.pairs()).extracting(Pair::a, Pair::b)
				.doesNotContain(tuple(1L, 2L));
		assertThat(result.pairs()).hasSize(1);
	}

	@Test
	void membersWhoseOnlyCompatiblePartnersAreExcludedAreToldSo() {
		Candidate a = candidate(1, "Europe/London", START, 20, DAILY_ENCOURAGEMENT);
		Candidate b = candidate(2, "Europe/Dublin", START, 21, DAILY_ENCOURAGEMENT);
		Result result = match(List.of(a, b), excluding(new long[] { 1, 2 }), JANUARY);
		assertThat(result.pairs()).isEmpty();
		assertThat(result.waiting()).containsExactly(entry(1L, Waiting.ALL_COMPATIBLE_EXCLUDED),
				entry(2L, Waiting.ALL_COMPATIBLE_EXCLUDED));
	}

	@Test
	void everyoneLeftOverGetsTheirOwnReason() {
		List<Candidate> pool = List.of(
				// Three in London: one pair, one left over although compatible with both.
				candidate(10, "Europe/London", START, 20, READ_CHECK_INS),
				candidate(11, "Europe/London", START.plusDays(1), 20, READ_CHECK_INS),
				candidate(12, "Europe/London", START.plusDays(50), 8, READ_CHECK_INS),
				// Two in Sydney who blocked each other, with nobody else near.
				candidate(20, "Australia/Sydney", START, 20),
				candidate(21, "Australia/Sydney", START, 21),
				// Two in Kolkata who want different things.
				candidate(30, "Asia/Kolkata", START, 20, DAILY_ENCOURAGEMENT),
				candidate(31, "Asia/Kolkata", START, 20, MESSAGE_BEFORE_BREAKING),
				// One in London whose plan started long before everyone else's.
				candidate(40, "Europe/London", START.minusDays(200), 20));
		Result result = match(pool, excluding(new long[] { 21, 20 }), JANUARY);
		assertThat(result.pairs()).extracting(Pair::a, Pair::b).containsExactly(tuple(10L, 11L));
		assertThat(result.waiting()).containsExactly(entry(12L, Waiting.BETTER_OVERALL_ELSEWHERE),
				entry(20L, Waiting.ALL_COMPATIBLE_EXCLUDED), entry(21L, Waiting.ALL_COMPATIBLE_EXCLUDED),
				entry(30L, Waiting.NO_COMPATIBLE_MEMBER), entry(31L, Waiting.NO_COMPATIBLE_MEMBER),
				entry(40L, Waiting.NO_COMPATIBLE_MEMBER));
	}

	@Test
	void partnersAreFoundAcrossTheDateLine() {
		Candidate auckland = candidate(1, "Pacific/Auckland", START, 20, READ_CHECK_INS);
		Candidate pagoPago = candidate(2, "Pacific/Pago_Pago", START, 20, READ_CHECK_INS);
		Candidate sydney = candidate(3, "Australia/Sydney", START, 20, READ_CHECK_INS);
		Result result = match(List.of(auckland, pagoPago, sydney), Exclusions.NONE, JANUARY);
		// Sydney is two hours from both, but Auckland and Pago Pago keep the same clock.
		assertThat(result.pairs()).containsExactly(new Pair(1, 2, 1.0));
		assertThat(result.waiting()).containsExactly(entry(3L, Waiting.BETTER_OVERALL_ELSEWHERE));
	}

	@Test
	void londonAndHalifaxArePairedOnlyWhileOnlyOneHasMovedItsClocks() {
		List<Candidate> pool = List.of(candidate(1, "Europe/London", START, 20),
				candidate(2, "America/Halifax", START, 17));
		assertThat(match(pool, Exclusions.NONE, MID_MARCH).pairs()).hasSize(1);
		assertThat(match(pool, Exclusions.NONE, JANUARY).waiting()).containsExactly(
				entry(1L, Waiting.NO_COMPATIBLE_MEMBER), entry(2L, Waiting.NO_COMPATIBLE_MEMBER));
	}

	@Test
	void theOrderOfThePoolDoesNotMatter() {
		List<Candidate> pool = new ArrayList<>(Pools.realistic(600, JANUARY, 3));
		Exclusions exclusions = Pools.sparseExclusions(pool, 300, new Random(4));
		Result first = match(pool, exclusions, JANUARY);
		Random random = new Random(5);
		for (int shuffle = 0; shuffle < 5; shuffle++) {
			Collections.shuffle(pool, random);
			assertThat(match(pool, exclusions, JANUARY)).isEqualTo(first);
		}
	}

	@Test
	void tiesAreBrokenTheSameWayEveryTime() {
		// Six members alike in everything: every way of pairing them has the same total.
		List<Candidate> pool = new ArrayList<>();
		for (long id : new long[] { 42, 7, 19, 3, 88, 51 }) {
			pool.add(candidate(id, "Europe/Paris", START, 20, READ_CHECK_INS));
		}
		Result first = match(pool, Exclusions.NONE, JANUARY);
		assertThat(first.pairs()).hasSize(3);
		Random random = new Random(6);
		for (int shuffle = 0; shuffle < 10; shuffle++) {
			Collections.shuffle(pool, random);
			assertThat(match(pool, Exclusions.NONE, JANUARY)).isEqualTo(first);
		}
	}

	@Test
	void exclusionsAreAskedAboutAFewPairsPerMemberNotAboutEveryCompatiblePair() {
		List<Candidate> pool = Pools.realistic(2000, JANUARY, 8);
		AtomicLong questions = new AtomicLong();
		Exclusions counting = (a, b) -> {
			questions.incrementAndGet();
			return false;
		};
		Matcher.Run run = Matcher.run(pool, counting, JANUARY, DEFAULTS, Matcher.SHORTLIST, Matcher.ADDITIONS);
		assertThat(run.compatiblePairs()).isGreaterThan(100_000);
		assertThat(questions.get()).isLessThan(run.compatiblePairs() / 10);
		assertThat(questions.get()).isLessThanOrEqualTo(2L * run.exclusionQuestions());
	}

	@Test
	void theRulesDecideWhoIsCompatible() {
		List<Candidate> pool = List.of(candidate(1, "Europe/London", START, 20), candidate(2, "Asia/Dubai", START, 20));
		assertThat(Matcher.match(pool, Exclusions.NONE, JANUARY, DEFAULTS).pairs()).isEmpty();
		assertThat(Matcher.match(pool, Exclusions.NONE, JANUARY, new Rules(4, 60)).pairs()).hasSize(1);
	}

	@Test
	void theSameMemberTwiceIsRefused() {
		List<Candidate> pool = List.of(candidate(1, "UTC", START, 20), candidate(1, "UTC", START, 21));
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.match(pool, Exclusions.NONE, JANUARY, DEFAULTS))
				.withMessageContaining("1");
	}

	@Test
	void missingArgumentsAreRefused() {
		List<Candidate> withNull = Arrays.asList(candidate(1, "UTC", START, 20), null);
		assertThatNullPointerException().isThrownBy(() -> Matcher.match(withNull, Exclusions.NONE, JANUARY, DEFAULTS));
		assertThatNullPointerException().isThrownBy(() -> Matcher.match(List.of(), null, JANUARY, DEFAULTS));
		assertThatNullPointerException().isThrownBy(() -> Matcher.match(List.of(), Exclusions.NONE, null, DEFAULTS));
		assertThatNullPointerException().isThrownBy(() -> Matcher.match(List.of(), Exclusions.NONE, JANUARY, null));
	}

	@Test
	void resultsCannotBeChanged() {
		Result result = match(List.of(candidate(1, "UTC", START, 20), candidate(2, "UTC", START, 20),
				candidate(3, "Asia/Tokyo", START, 20)), Exclusions.NONE, JANUARY);
		assertThatThrownBy(() -> result.pairs().clear())
				.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> result.waiting().clear())
				.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aPairNamesTheSmallerIdFirst() {
		Pair pair = new Pair(9, 4, 0.5);
		assertThat(pair.a()).isEqualTo(4);
		assertThat(pair.b()).isEqualTo(9);
		assertThat(pair.partnerOf(4)).isEqualTo(9);
		assertThat(pair.contains(9)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new Pair(3, 3, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pair(1, 2, 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> pair.partnerOf(5));
	}
}
