package org.steadfast.partners.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses partners for a whole pool at once: the pairs whose fits add up to the greatest possible
 * total, which is a maximum-weight matching on the general graph whose vertices are the members
 * and whose edges are the compatible, not excluded pairs weighted by {@link Fit}. Choosing pairs
 * one after another (greedily, or first come first served) can spend a member on a good pair
 * that stops two others from forming better ones; this does not.
 * <p>
 * <b>How.</b>
 * <ol>
 * <li>Members are numbered in ascending order of member id, and the compatible pairs are found by
 * grouping members by UTC offset and plan start ({@link CompatiblePairs}), never comparing all
 * n² pairs. Fits are turned into whole millionths so that the matching is computed exactly.</li>
 * <li>Each member keeps a shortlist of its {@value #SHORTLIST} best-fitting partners. The union of
 * the shortlists, less the excluded pairs, is a sparse graph, solved exactly with Edmonds' blossom
 * algorithm ({@link MaximumWeightMatching}) separately on each of its connected components.</li>
 * <li>The solution comes with dual values that certify its optimality. They are checked against
 * every compatible pair of the full graph: a pair left out whose reduced cost is negative could
 * raise the total. Each member brings in up to {@value #ADDITIONS} such pairs, its most promising
 * ones (pairs just short of it count too, as the next optimum often needs them), and the graph is
 * solved again. When no pair left out has a negative reduced cost, the dual values prove the
 * matching optimal for the full graph: the result is exact, not a heuristic. Pools shaped like the
 * real one need two or three rounds; a pool crowded into one region and one month four to six.</li>
 * </ol>
 * {@link Exclusions} is asked only about shortlisted pairs, pairs about to be added, and the
 * compatible pairs of a member left over whose reason is not yet clear: tens of thousands of
 * questions for 5,000 members rather than millions, answered once each.
 * <p>
 * <b>Cost.</b> Finding the compatible pairs takes time proportional to the pool plus the number
 * P of pairs within the time-zone and cohort limits, and each round of checking takes that again;
 * on realistic pools this is most of the time. P grows with the square of the pool when the pool
 * grows in the same places, so doubling the pool roughly triples or quadruples the time. The
 * blossom algorithm on a graph of c members and e pairs makes at most c/2 augmentations, each
 * after O(c) dual steps of O(log e) heap work, with O(e) labelling work per augmentation: O(c · e
 * · log e) at worst, far less in practice because an augmentation takes apart only the two trees
 * it joins (tens of milliseconds for 5,000 members). Memory is O(n) per round, never O(P).
 * <p>
 * <b>Ties.</b> Because members are numbered by id and pairs are listed in ascending order, the
 * same pool, exclusions, moment and rules always give the same result, whatever the order of the
 * pool list. When several choices have the same total fit, which one wins depends on that fixed
 * order, not on chance.
 * <p>
 * Fits are compared in millionths: two choices whose totals differ by less than a few millionths
 * per pair may be taken as equal.
 */
public final class Matcher {

	/** How many best partners per member the first, sparse graph keeps. */
	static final int SHORTLIST = 8;

	/** How many pairs per member each round of checking may add. */
	static final int ADDITIONS = 8;

	/**
	 * Twice the reduced cost, in millionths of fit, below which a pair left out of the graph is
	 * worth adding: 0.025 of fit. Adding only pairs below zero would be enough for exactness, but
	 * the optimum of the larger graph then often needs a few pairs just above zero, one more
	 * round each.
	 */
	static final long MARGIN = 50_000;

	/** The result with figures about the work done, for tests and measurements. */
	record Run(Result result, long compatiblePairs, int edgesSolved, int rounds, int exclusionQuestions) {
	}

	private Matcher() {
	}

	/**
	 * Pairs up the {@code pool} (members looking for a partner, with unique ids) so that the total
	 * fit is as large as possible, never proposing an incompatible or excluded pair, and says for
	 * every member left over why they wait.
	 */
	public static Result match(List<Candidate> pool, Exclusions exclusions, Instant now, Rules rules) {
		return run(pool, exclusions, now, rules, SHORTLIST, ADDITIONS).result();
	}

	static Run run(List<Candidate> pool, Exclusions exclusions, Instant now, Rules rules, int shortlistSize,
			int additionsSize) {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(exclusions, "exclusions");
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(rules, "rules");
		if (shortlistSize < 1 || additionsSize < 1) {
			throw new IllegalArgumentException("Sizes must be positive: " + shortlistSize + ", " + additionsSize);
		}
		List<Candidate> members = new ArrayList<>(pool);
		members.forEach(candidate -> Objects.requireNonNull(candidate, "pool contains null"));
		members.sort(Comparator.comparingLong(Candidate::memberId));
		int n = members.size();
		long[] ids = new long[n];
		for (int i = 0; i < n; i++) {
			ids[i] = members.get(i).memberId();
			if (i > 0 && ids[i] == ids[i - 1]) {
				throw new IllegalArgumentException("Member " + ids[i] + " is in the pool twice");
			}
		}
		CompatiblePairs pairs = new CompatiblePairs(members, now, rules);
		AskedExclusions excluded = new AskedExclusions(exclusions, ids);

		int[] compatibleCount = new int[n];
		long[] compatibleTotal = new long[1];
		Shortlists shortlists = new Shortlists(n, shortlistSize);
		pairs.forEach((i, j, w) -> {
			compatibleCount[i]++;
			compatibleCount[j]++;
			compatibleTotal[0]++;
			shortlists.offer(i, j, w);
			shortlists.offer(j, i, w);
		});
		// Exclusions are asked about only for the shortlisted pairs and, below, for pairs that
		// could raise the total: a few per member rather than one per compatible pair.
		long[] edges = withoutExcluded(shortlists.edges(), excluded);

		int rounds = 0;
		Solution solution;
		while (true) {
			rounds++;
			solution = Solution.solve(n, edges, pairs);
			Solution current = solution;
			long[] working = edges;
			// Each member may bring in only its few most promising pairs per round: in a dense pool
			// thousands of pairs can be close to tight at once, and adding them all would make the
			// graph dense again.
			Shortlists additions = new Shortlists(n, additionsSize);
			pairs.forEach((i, j, w) -> {
				if (current.doubledReducedCostOutsideBlossoms(i, j, w) >= MARGIN) {
					return;
				}
				long reducedCost = current.doubledReducedCost(i, j, w);
				if (reducedCost >= MARGIN || Arrays.binarySearch(working, key(i, j)) >= 0) {
					return;
				}
				if (excluded.knownExcluded(i, j)) {
					return;
				}
				// Lower is more promising; the lists keep the highest "weight", hence the sign.
				int promise = (int) Math.max(Integer.MIN_VALUE + 1, -reducedCost);
				additions.offer(i, j, promise);
				additions.offer(j, i, promise);
			});
			// A pair that could raise the total reaches the lists of both its members unless both
			// lists are full of pairs more promising still, which could raise it too. Excluded
			// pairs among them are set aside here and skipped from the next round on.
			if (!additions.anyAbove(0)) {
				break;
			}
			edges = union(edges, withoutExcluded(additions.edges(), excluded));
		}

		boolean[] hasAllowedPair = new boolean[n];
		for (long edge : edges) {
			hasAllowedPair[first(edge)] = true;
			hasAllowedPair[second(edge)] = true;
		}
		boolean[] undecided = new boolean[n];
		boolean anyUndecided = false;
		for (int v = 0; v < n; v++) {
			undecided[v] = solution.partner(v) < 0 && compatibleCount[v] > 0 && !hasAllowedPair[v];
			anyUndecided |= undecided[v];
		}
		if (anyUndecided) {
			// Left over, compatible with someone, and no allowed pair in the graph: whether every
			// compatible pair is excluded takes one more look at that member's pairs.
			pairs.forEach((i, j, w) -> {
				if ((undecided[i] || undecided[j]) && !excluded.test(i, j)) {
					hasAllowedPair[i] = true;
					hasAllowedPair[j] = true;
					undecided[i] = false;
					undecided[j] = false;
				}
			});
		}

		List<Pair> chosen = new ArrayList<>();
		Map<Long, Waiting> waiting = new HashMap<>();
		for (int v = 0; v < n; v++) {
			int partner = solution.partner(v);
			if (partner > v) {
				chosen.add(new Pair(ids[v], ids[partner], pairs.fit(v, partner)));
			}
			else if (partner < 0) {
				waiting.put(ids[v], compatibleCount[v] == 0 ? Waiting.NO_COMPATIBLE_MEMBER
						: !hasAllowedPair[v] ? Waiting.ALL_COMPATIBLE_EXCLUDED
								// At an optimum every allowed partner of a member left over is
								// paired: two left over with an allowed pair between them would
								// add its positive fit to the total.
								: Waiting.BETTER_OVERALL_ELSEWHERE);
			}
		}
		return new Run(new Result(chosen, waiting), compatibleTotal[0], edges.length, rounds, excluded.questions());
	}

	private static long[] withoutExcluded(long[] edges, AskedExclusions excluded) {
		LongList allowed = new LongList();
		for (long edge : edges) {
			if (!excluded.test(first(edge), second(edge))) {
				allowed.add(edge);
			}
		}
		return allowed.toSortedDistinctArray();
	}

	static long key(int i, int j) {
		return (long) i << 32 | j;
	}

	private static int first(long key) {
		return (int) (key >>> 32);
	}

	private static int second(long key) {
		return (int) key;
	}

	private static long[] union(long[] sortedA, long[] sortedB) {
		long[] merged = new long[sortedA.length + sortedB.length];
		int a = 0;
		int b = 0;
		int size = 0;
		while (a < sortedA.length || b < sortedB.length) {
			long next;
			if (b == sortedB.length || (a < sortedA.length && sortedA[a] <= sortedB[b])) {
				next = sortedA[a++];
			}
			else {
				next = sortedB[b++];
			}
			if (size == 0 || merged[size - 1] != next) {
				merged[size++] = next;
			}
		}
		return Arrays.copyOf(merged, size);
	}

	/** Asks about each pair once, in both directions, and remembers the answers. */
	private static final class AskedExclusions {

		private final Exclusions exclusions;
		private final long[] ids;
		private final Map<Long, Boolean> answers = new HashMap<>();

		AskedExclusions(Exclusions exclusions, long[] ids) {
			this.exclusions = exclusions;
			this.ids = ids;
		}

		boolean test(int i, int j) {
			// i * n + j spreads over the hash table; i << 32 | j would hash to i ^ j and collide.
			return answers.computeIfAbsent((long) i * ids.length + j,
					k -> exclusions.excluded(ids[i], ids[j]) || exclusions.excluded(ids[j], ids[i]));
		}

		/** Whether the pair is already known to be excluded, without asking. */
		boolean knownExcluded(int i, int j) {
			return answers.getOrDefault((long) i * ids.length + j, false);
		}

		int questions() {
			return answers.size();
		}
	}

	/** For every member, the best-fitting partners seen so far, best first. */
	private static final class Shortlists {

		private final int size;
		private final int[] partner;
		private final int[] weight;
		private final int[] count;

		Shortlists(int members, int size) {
			this.size = size;
			this.partner = new int[members * size];
			this.weight = new int[members * size];
			this.count = new int[members];
		}

		private boolean wouldTake(int member, int other, int w) {
			if (count[member] < size) {
				return true;
			}
			int last = member * size + size - 1;
			return better(w, other, weight[last], partner[last]);
		}

		void offer(int member, int other, int w) {
			if (wouldTake(member, other, w)) {
				put(member, other, w);
			}
		}

		/** Whether any list holds an entry heavier than {@code w}. */
		boolean anyAbove(int w) {
			for (int member = 0; member < count.length; member++) {
				if (count[member] > 0 && weight[member * size] > w) {
					return true;
				}
			}
			return false;
		}

		/** Heavier first; between equal fits the smaller member number, so the order is total. */
		private static boolean better(int w, int other, int thanWeight, int thanOther) {
			return w > thanWeight || (w == thanWeight && other < thanOther);
		}

		private void put(int member, int other, int w) {
			int start = member * size;
			int end = start + Math.min(count[member], size - 1);
			int at = end;
			while (at > start && better(w, other, weight[at - 1], partner[at - 1])) {
				weight[at] = weight[at - 1];
				partner[at] = partner[at - 1];
				at--;
			}
			weight[at] = w;
			partner[at] = other;
			count[member] = Math.min(count[member] + 1, size);
		}

		/** The pairs on anyone's shortlist as sorted keys. */
		long[] edges() {
			LongList keys = new LongList();
			for (int member = 0; member < count.length; member++) {
				for (int x = 0; x < count[member]; x++) {
					int other = partner[member * size + x];
					keys.add(key(Math.min(member, other), Math.max(member, other)));
				}
			}
			return keys.toSortedDistinctArray();
		}
	}

	/** An exact matching of a graph given by sorted pair keys, solved per connected component. */
	private static final class Solution {

		private final int[] component;
		private final int[] local;
		private final int[] partner;
		private final MaximumWeightMatching[] solvers;

		private Solution(int[] component, int[] local, int[] partner, MaximumWeightMatching[] solvers) {
			this.component = component;
			this.local = local;
			this.partner = partner;
			this.solvers = solvers;
		}

		static Solution solve(int n, long[] edges, CompatiblePairs pairs) {
			int[] root = new int[n];
			for (int v = 0; v < n; v++) {
				root[v] = v;
			}
			for (long edge : edges) {
				int a = find(root, first(edge));
				int b = find(root, second(edge));
				if (a != b) {
					root[Math.max(a, b)] = Math.min(a, b);
				}
			}
			// Components are numbered by their smallest member and members within a component
			// keep their order, so that the solver sees the same numbering on every run.
			int[] component = new int[n];
			int[] local = new int[n];
			int[] componentSize = new int[n];
			int[] componentOf = new int[n];
			Arrays.fill(componentOf, -1);
			boolean[] touched = new boolean[n];
			for (long edge : edges) {
				touched[first(edge)] = true;
				touched[second(edge)] = true;
			}
			int components = 0;
			for (int v = 0; v < n; v++) {
				if (!touched[v]) {
					component[v] = -1;
					continue;
				}
				int r = find(root, v);
				if (componentOf[r] == -1) {
					componentOf[r] = components++;
				}
				component[v] = componentOf[r];
				local[v] = componentSize[component[v]]++;
			}
			int[] edgeCount = new int[components];
			for (long edge : edges) {
				edgeCount[component[first(edge)]]++;
			}
			int[][] from = new int[components][];
			int[][] to = new int[components][];
			long[][] weight = new long[components][];
			for (int c = 0; c < components; c++) {
				from[c] = new int[edgeCount[c]];
				to[c] = new int[edgeCount[c]];
				weight[c] = new long[edgeCount[c]];
			}
			int[] filled = new int[components];
			for (long edge : edges) {
				int i = first(edge);
				int j = second(edge);
				int c = component[i];
				int k = filled[c]++;
				from[c][k] = local[i];
				to[c][k] = local[j];
				weight[c][k] = CompatiblePairs.weight(pairs.fit(i, j));
			}
			MaximumWeightMatching[] solvers = new MaximumWeightMatching[components];
			for (int c = 0; c < components; c++) {
				solvers[c] = MaximumWeightMatching.solve(componentSize[c], from[c], to[c], weight[c]);
			}
			int[] partner = new int[n];
			Arrays.fill(partner, -1);
			int[][] members = new int[components][];
			for (int c = 0; c < components; c++) {
				members[c] = new int[componentSize[c]];
			}
			for (int v = 0; v < n; v++) {
				if (component[v] >= 0) {
					members[component[v]][local[v]] = v;
				}
			}
			for (int v = 0; v < n; v++) {
				if (component[v] >= 0) {
					int mate = solvers[component[v]].partner(local[v]);
					partner[v] = mate < 0 ? -1 : members[component[v]][mate];
				}
			}
			return new Solution(component, local, partner, solvers);
		}

		private static int find(int[] root, int v) {
			while (root[v] != v) {
				root[v] = root[root[v]];
				v = root[v];
			}
			return v;
		}

		int partner(int v) {
			return partner[v];
		}

		/**
		 * The reduced cost without the values of blossoms holding both, which are never negative:
		 * a cheap lower bound that settles most pairs without walking the blossom nesting.
		 */
		long doubledReducedCostOutsideBlossoms(int i, int j, int w) {
			return doubledDual(i) + doubledDual(j) - 2L * w;
		}

		/** See {@link MaximumWeightMatching#doubledReducedCost}; members outside the graph have value 0. */
		long doubledReducedCost(int i, int j, int w) {
			int c = component[i];
			if (c >= 0 && c == component[j]) {
				return solvers[c].doubledReducedCost(local[i], local[j], w);
			}
			return doubledDual(i) + doubledDual(j) - 2L * w;
		}

		private long doubledDual(int v) {
			return component[v] < 0 ? 0 : solvers[component[v]].doubledDual(local[v]);
		}
	}
}
