package org.steadfast.plans;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The no-contact arithmetic of one plan, from its start date, its slips and "today" in the
 * member's time zone. The start date is Day 1. A slip ends the streak; the day after it is Day 1
 * of the next one, and on the day of the slip itself the counter shows a fresh start tomorrow.
 * Nothing is erased: every streak stays in the history.
 */
public final class Streaks {

	/** The milestones a streak can reach, in days. */
	public static final List<Integer> MILESTONES = List.of(1, 3, 7, 14, 21, 30, 45, 60, 90, 180, 365);

	/** One unbroken run of no-contact days, {@code end} inclusive; {@code days} may be 0 (slip on its first day). */
	public record Streak(LocalDate start, LocalDate end, long days, boolean current) {
	}

	private final LocalDate startDate;
	private final TreeSet<LocalDate> slips;
	private final LocalDate today;
	private final List<Streak> history;

	private Streaks(LocalDate startDate, Collection<LocalDate> slips, LocalDate today) {
		this.startDate = startDate;
		this.today = today;
		this.slips = new TreeSet<>();
		for (LocalDate slip : slips) {
			if (!slip.isBefore(startDate) && !slip.isAfter(today)) {
				this.slips.add(slip);
			}
		}
		this.history = computeHistory();
	}

	public static Streaks of(LocalDate startDate, Collection<LocalDate> slipDays, LocalDate today) {
		return new Streaks(startDate, slipDays, today);
	}

	private List<Streak> computeHistory() {
		List<Streak> streaks = new ArrayList<>();
		LocalDate from = startDate;
		for (LocalDate slip : slips) {
			long days = ChronoUnit.DAYS.between(from, slip);
			// Two slips on consecutive days (or a slip on the first day) leave no streak between them.
			if (days > 0) {
				streaks.add(new Streak(from, slip.minusDays(1), days, false));
			}
			from = slip.plusDays(1);
		}
		long current = from.isAfter(today) ? 0 : ChronoUnit.DAYS.between(from, today) + 1;
		streaks.add(new Streak(from, today, current, true));
		return List.copyOf(streaks);
	}

	/** The day number today: Day 1 on the first day of the streak; 0 on the day of a slip. */
	public long dayNumber() {
		return current().days();
	}

	/** True on the day of a slip: the counter restarts tomorrow. */
	public boolean freshStartTomorrow() {
		return current().start().isAfter(today);
	}

	public Streak current() {
		return history.get(history.size() - 1);
	}

	public List<Streak> history() {
		return history;
	}

	public long longest() {
		return history.stream().mapToLong(Streak::days).max().orElse(0);
	}

	/** Every day counted as no contact since the plan started, across all streaks. */
	public long totalNoContactDays() {
		return history.stream().mapToLong(Streak::days).sum();
	}

	public int slipCount() {
		return slips.size();
	}

	public boolean isSlip(LocalDate day) {
		return slips.contains(day);
	}

	/** Whether the day belongs to a streak (counted as no contact). */
	public boolean isNoContactDay(LocalDate day) {
		return !day.isBefore(startDate) && !day.isAfter(today) && !slips.contains(day);
	}

	/** The next milestone the current streak will reach, if any is left. */
	public Optional<Integer> nextMilestone() {
		long n = dayNumber();
		return MILESTONES.stream().filter(m -> m > n).findFirst();
	}

	/** Milestones the current streak has reached, in order. */
	public List<Integer> reachedMilestones() {
		long n = dayNumber();
		return MILESTONES.stream().filter(m -> m <= n).toList();
	}

	/** Progress towards the target, 0 to 100. */
	public int progressPercent(int targetDays) {
		if (targetDays <= 0) {
			return 0;
		}
		return (int) Math.min(100, dayNumber() * 100 / targetDays);
	}

	public LocalDate today() {
		return today;
	}
}
