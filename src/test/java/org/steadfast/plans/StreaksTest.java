package org.steadfast.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreaksTest {

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void theStartDateIsDayOne() {
		assertThat(Streaks.of(d("2026-11-25"), List.of(), d("2026-11-25")).dayNumber()).isEqualTo(1);
	}

	@Test
	void aPlanThatStartedSixteenDaysAgoReadsDaySeventeen() {
		Streaks streaks = Streaks.of(d("2026-11-09"), List.of(), d("2026-11-25"));
		assertThat(streaks.dayNumber()).isEqualTo(17);
		assertThat(streaks.freshStartTomorrow()).isFalse();
	}

	@Test
	void onTheDayOfASlipAFreshStartBeginsTomorrow() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(d("2026-11-25")), d("2026-11-25"));
		assertThat(streaks.dayNumber()).isZero();
		assertThat(streaks.freshStartTomorrow()).isTrue();
		assertThat(streaks.history()).hasSize(2);
		assertThat(streaks.history().get(0).days()).isEqualTo(24);
	}

	@Test
	void theDayAfterASlipIsDayOneAgain() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(d("2026-11-24")), d("2026-11-25"));
		assertThat(streaks.dayNumber()).isEqualTo(1);
		assertThat(streaks.current().start()).isEqualTo(d("2026-11-25"));
	}

	@Test
	void nothingIsErasedStreakHistoryLongestTotalAndSlips() {
		Streaks streaks = Streaks.of(d("2026-10-01"), List.of(d("2026-10-11"), d("2026-11-05")), d("2026-11-25"));
		assertThat(streaks.history()).extracting(Streaks.Streak::days).containsExactly(10L, 24L, 20L);
		assertThat(streaks.longest()).isEqualTo(24);
		assertThat(streaks.totalNoContactDays()).isEqualTo(54);
		assertThat(streaks.slipCount()).isEqualTo(2);
		assertThat(streaks.isSlip(d("2026-10-11"))).isTrue();
		assertThat(streaks.isNoContactDay(d("2026-10-11"))).isFalse();
		assertThat(streaks.isNoContactDay(d("2026-10-12"))).isTrue();
		assertThat(streaks.isNoContactDay(d("2026-09-30"))).isFalse();
	}

	@Test
	void slipsOnConsecutiveDaysOrOnTheFirstDayLeaveNoEmptyStreaks() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(d("2026-11-01"), d("2026-11-10"), d("2026-11-11")),
				d("2026-11-20"));
		assertThat(streaks.history()).extracting(Streaks.Streak::days).containsExactly(8L, 9L);
		assertThat(streaks.slipCount()).isEqualTo(3);
	}

	@Test
	void slipsOutsideThePlanAreIgnored() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(d("2026-10-01"), d("2026-12-01")), d("2026-11-10"));
		assertThat(streaks.slipCount()).isZero();
		assertThat(streaks.dayNumber()).isEqualTo(10);
	}

	@Test
	void milestonesReachedAndNext() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(), d("2026-11-14"));
		assertThat(streaks.dayNumber()).isEqualTo(14);
		assertThat(streaks.reachedMilestones()).containsExactly(1, 3, 7, 14);
		assertThat(streaks.nextMilestone()).contains(21);
		assertThat(Streaks.of(d("2025-01-01"), List.of(), d("2026-11-25")).nextMilestone()).isEmpty();
	}

	@Test
	void progressTowardsTheTargetIsCapped() {
		Streaks streaks = Streaks.of(d("2026-11-01"), List.of(), d("2026-11-15"));
		assertThat(streaks.progressPercent(30)).isEqualTo(50);
		assertThat(streaks.progressPercent(10)).isEqualTo(100);
		assertThat(streaks.progressPercent(0)).isZero();
	}
}
