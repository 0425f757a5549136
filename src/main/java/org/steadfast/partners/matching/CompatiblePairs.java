package org.steadfast.partners.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The compatible pairs of a pool, found without comparing every member with every other. Members
 * are grouped by the UTC offset in force at the moment of matching (a pool spread over the world
 * has a few dozen distinct offsets) and each group is sorted by plan start; a pair of groups is
 * looked at only when the offsets are close enough round the clock, and within it only the
 * members whose start dates fall inside the cohort window of each other, found with two moving
 * pointers. The work is therefore proportional to the number of pairs that pass the time-zone and
 * cohort limits, not to the square of the pool.
 * <p>
 * Members are numbered by their position in the pool, which the matcher sorts by member id, and
 * every pair is visited once, smaller number first, in an order that depends only on the pool.
 */
final class CompatiblePairs {

	/** Fits become whole numbers of millionths so that the matching runs on exact arithmetic. */
	static final int SCALE = 1_000_000;

	@FunctionalInterface
	interface Visitor {

		void visit(int i, int j, int weight);
	}

	private final Rules rules;
	private final int[] offset;
	private final long[] day;
	private final int[] wishes;
	private final int[] checkIn;
	private final int[] groupOffset;
	private final int[][] groups;

	CompatiblePairs(List<Candidate> pool, Instant now, Rules rules) {
		this.rules = rules;
		int size = pool.size();
		this.offset = new int[size];
		this.day = new long[size];
		this.wishes = new int[size];
		this.checkIn = new int[size];
		TreeMap<Integer, List<Integer>> byOffset = new TreeMap<>();
		for (int i = 0; i < size; i++) {
			Candidate candidate = pool.get(i);
			offset[i] = Fit.offsetSeconds(candidate.zone(), now);
			day[i] = candidate.planStart().toEpochDay();
			wishes[i] = Fit.wishMask(candidate.wishes());
			checkIn[i] = Fit.checkInSecond(candidate.usualCheckInHour(), offset[i]);
			byOffset.computeIfAbsent(offset[i], key -> new ArrayList<>()).add(i);
		}
		groupOffset = new int[byOffset.size()];
		groups = new int[byOffset.size()][];
		int g = 0;
		for (var entry : byOffset.entrySet()) {
			groupOffset[g] = entry.getKey();
			groups[g] = entry.getValue().stream()
					.sorted((x, y) -> day[x] != day[y] ? Long.compare(day[x], day[y]) : Integer.compare(x, y))
					.mapToInt(Integer::intValue)
					.toArray();
			g++;
		}
	}

	/** The exact fit of members {@code i} and {@code j}, or {@link Fit#INCOMPATIBLE}. */
	double fit(int i, int j) {
		return Fit.fit(rules, offset[i], day[i], wishes[i], checkIn[i], offset[j], day[j], wishes[j], checkIn[j]);
	}

	static int weight(double fit) {
		return (int) Math.round(fit * SCALE);
	}

	/** Visits every compatible pair once with its fit in millionths. */
	void forEach(Visitor visitor) {
		int zoneLimit = rules.maxHoursApart() * 3600;
		for (int g = 0; g < groups.length; g++) {
			visitWithin(groups[g], visitor);
			for (int h = g + 1; h < groups.length; h++) {
				if (Fit.clockDistance(groupOffset[g], groupOffset[h]) <= zoneLimit) {
					visitAcross(groups[g], groups[h], visitor);
				}
			}
		}
	}

	private void visitWithin(int[] group, Visitor visitor) {
		int window = rules.maxCohortDays();
		for (int x = 0; x < group.length; x++) {
			long last = day[group[x]] + window;
			for (int y = x + 1; y < group.length && day[group[y]] <= last; y++) {
				visit(group[x], group[y], visitor);
			}
		}
	}

	private void visitAcross(int[] first, int[] second, Visitor visitor) {
		int window = rules.maxCohortDays();
		int from = 0;
		for (int member : first) {
			while (from < second.length && day[second[from]] < day[member] - window) {
				from++;
			}
			long last = day[member] + window;
			for (int y = from; y < second.length && day[second[y]] <= last; y++) {
				visit(member, second[y], visitor);
			}
		}
	}

	private void visit(int x, int y, Visitor visitor) {
		int i = Math.min(x, y);
		int j = Math.max(x, y);
		double fit = fit(i, j);
		if (fit != Fit.INCOMPATIBLE) {
			visitor.visit(i, j, weight(fit));
		}
	}
}
