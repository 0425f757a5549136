package org.steadfast.partners.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MaximumWeightMatchingTest {

	/** A graph as parallel edge arrays. */
	record Graph(int vertices, int[] from, int[] to, long[] weight) {

		static Graph of(int vertices, long[]... edges) {
			int[] from = new int[edges.length];
			int[] to = new int[edges.length];
			long[] weight = new long[edges.length];
			for (int k = 0; k < edges.length; k++) {
				from[k] = (int) edges[k][0];
				to[k] = (int) edges[k][1];
				weight[k] = edges[k][2];
			}
			return new Graph(vertices, from, to, weight);
		}

		static Graph random(Random random, int vertices, double density, int maxWeight) {
			List<long[]> edges = new ArrayList<>();
			for (int i = 0; i < vertices; i++) {
				for (int j = i + 1; j < vertices; j++) {
					if (random.nextDouble() < density) {
						// Both orientations occur, so the solver cannot rely on from < to.
						boolean flip = random.nextBoolean();
						edges.add(new long[] { flip ? j : i, flip ? i : j, 1 + random.nextInt(maxWeight) });
					}
				}
			}
			return of(vertices, edges.toArray(long[][]::new));
		}

		MaximumWeightMatching solve() {
			MaximumWeightMatching matching = MaximumWeightMatching.solve(vertices, from, to, weight);
			matching.verifyOptimum();
			return matching;
		}

		long weightOf(MaximumWeightMatching matching) {
			long total = 0;
			for (int k = 0; k < from.length; k++) {
				if (matching.partner(from[k]) == to[k]) {
					total += weight[k];
				}
			}
			return total;
		}

		/** The best total over every matching, by trying them all. */
		long bruteForce() {
			long[][] w = new long[vertices][vertices];
			for (long[] row : w) {
				Arrays.fill(row, -1);
			}
			for (int k = 0; k < from.length; k++) {
				w[from[k]][to[k]] = weight[k];
				w[to[k]][from[k]] = weight[k];
			}
			return best(w, new boolean[vertices], 0);
		}

		/**
		 * The best total by dynamic programming over sets of vertices still free, for graphs too
		 * big to enumerate matchings one by one (up to about 20 vertices).
		 */
		long exhaustive() {
			long[][] w = new long[vertices][vertices];
			for (long[] row : w) {
				Arrays.fill(row, -1);
			}
			for (int k = 0; k < from.length; k++) {
				w[from[k]][to[k]] = weight[k];
				w[to[k]][from[k]] = weight[k];
			}
			long[] best = new long[1 << vertices];
			for (int set = 1; set < best.length; set++) {
				int v = Integer.numberOfTrailingZeros(set);
				int rest = set & ~(1 << v);
				long value = best[rest];
				for (int others = rest; others != 0; others &= others - 1) {
					int u = Integer.numberOfTrailingZeros(others);
					if (w[v][u] >= 0) {
						value = Math.max(value, w[v][u] + best[rest & ~(1 << u)]);
					}
				}
				best[set] = value;
			}
			return best[best.length - 1];
		}

		private static long best(long[][] w, boolean[] used, int first) {
			int v = first;
			while (v < used.length && used[v]) {
				v++;
			}
			if (v == used.length) {
				return 0;
			}
			used[v] = true;
			long best = best(w, used, v + 1);
			for (int u = v + 1; u < used.length; u++) {
				if (!used[u] && w[v][u] >= 0) {
					used[u] = true;
					best = Math.max(best, w[v][u] + best(w, used, v + 1));
					used[u] = false;
				}
			}
			used[v] = false;
			return best;
		}
	}

	private static void assertIsMatching(Graph graph, MaximumWeightMatching matching) {
		for (int v = 0; v < graph.vertices(); v++) {
			int partner = matching.partner(v);
			if (partner >= 0) {
				assertThat(matching.partner(partner)).isEqualTo(v);
				boolean isEdge = false;
				for (int k = 0; k < graph.from().length; k++) {
					isEdge |= graph.from()[k] == v && graph.to()[k] == partner
							|| graph.to()[k] == v && graph.from()[k] == partner;
				}
				assertThat(isEdge).as("%d-%d is an edge", v, partner).isTrue();
			}
		}
	}

	@Test
	void emptyGraphsMatchNobody() {
		MaximumWeightMatching none = Graph.of(0).solve();
		assertThat(none).isNotNull();
		MaximumWeightMatching isolated = Graph.of(3).solve();
		assertThat(isolated.partner(0)).isEqualTo(-1);
		assertThat(isolated.partner(2)).isEqualTo(-1);
	}

	@Test
	void aHeavyMiddleEdgeBeatsTwoLightOuterOnes() {
		Graph path = Graph.of(4, new long[] { 0, 1, 2 }, new long[] { 1, 2, 5 }, new long[] { 2, 3, 2 });
		MaximumWeightMatching matching = path.solve();
		assertThat(matching.partner(1)).isEqualTo(2);
		assertThat(matching.partner(0)).isEqualTo(-1);
		assertThat(matching.partner(3)).isEqualTo(-1);
	}

	@Test
	void twoOuterEdgesBeatTheMiddleOneWhenTheyAddUpToMore() {
		Graph path = Graph.of(4, new long[] { 0, 1, 3 }, new long[] { 1, 2, 5 }, new long[] { 2, 3, 3 });
		MaximumWeightMatching matching = path.solve();
		assertThat(matching.partner(0)).isEqualTo(1);
		assertThat(matching.partner(2)).isEqualTo(3);
	}

	@Test
	void anOddCycleIsShrunkAndLeftThroughItsBestExit() {
		// A triangle whose heaviest edge must be given up so that vertex 2 can take the pendant.
		Graph graph = Graph.of(4, new long[] { 0, 1, 6 }, new long[] { 1, 2, 7 }, new long[] { 0, 2, 6 },
				new long[] { 2, 3, 5 });
		MaximumWeightMatching matching = graph.solve();
		assertThat(graph.weightOf(matching)).isEqualTo(11);
		assertThat(matching.partner(3)).isEqualTo(2);
	}

	@Test
	void nestedBlossomsAreExpandedCorrectly() {
		// Two triangles joined into a larger odd structure, with pendants that pay to break them.
		Graph graph = Graph.of(9, new long[] { 0, 1, 10 }, new long[] { 1, 2, 10 }, new long[] { 0, 2, 10 },
				new long[] { 2, 3, 9 }, new long[] { 3, 4, 10 }, new long[] { 4, 5, 10 }, new long[] { 3, 5, 10 },
				new long[] { 5, 6, 8 }, new long[] { 0, 7, 4 }, new long[] { 4, 8, 4 }, new long[] { 6, 8, 3 });
		MaximumWeightMatching matching = graph.solve();
		assertThat(graph.weightOf(matching)).isEqualTo(graph.bruteForce());
	}

	@Test
	void matchesTheBruteForceOptimumOnThousandsOfRandomSmallGraphs() {
		Random random = new Random(20250315);
		for (int round = 0; round < 3000; round++) {
			int vertices = 1 + random.nextInt(12);
			double density = 0.15 + 0.85 * random.nextDouble();
			// Few distinct weights make ties and tight blossoms common; many make them rare.
			int maxWeight = random.nextBoolean() ? 4 : 1_000_000;
			Graph graph = Graph.random(random, vertices, density, maxWeight);
			MaximumWeightMatching matching = graph.solve();
			assertIsMatching(graph, matching);
			assertThat(graph.weightOf(matching)).as("round %d", round).isEqualTo(graph.bruteForce());
		}
	}

	@Test
	void matchesExhaustiveSearchOnGraphsOfUpToTwentyVertices() {
		Random random = new Random(99);
		for (int round = 0; round < 40; round++) {
			int vertices = 13 + random.nextInt(8);
			double density = 0.1 + 0.6 * random.nextDouble();
			Graph graph = Graph.random(random, vertices, density, random.nextBoolean() ? 3 : 1000);
			MaximumWeightMatching matching = graph.solve();
			assertIsMatching(graph, matching);
			assertThat(graph.weightOf(matching)).as("round %d", round).isEqualTo(graph.exhaustive());
		}
	}

	@Test
	void provesItsOwnOptimumOnLargerRandomGraphs() {
		// verifyOptimum, called by solve here, checks the dual solution that proves the optimum.
		Random random = new Random(7);
		for (int round = 0; round < 200; round++) {
			int vertices = 30 + random.nextInt(round < 190 ? 200 : 2000);
			double density = (2.0 + random.nextInt(12)) / vertices;
			int[] maxWeights = { 2, 10, 1000, 1_000_000 };
			Graph graph = Graph.random(random, vertices, density, maxWeights[random.nextInt(maxWeights.length)]);
			MaximumWeightMatching matching = graph.solve();
			assertIsMatching(graph, matching);
		}
	}

	@Test
	void theSameGraphAlwaysGivesTheSameMatching() {
		Graph graph = Graph.random(new Random(3), 40, 0.3, 3);
		MaximumWeightMatching first = graph.solve();
		for (int again = 0; again < 5; again++) {
			MaximumWeightMatching next = graph.solve();
			for (int v = 0; v < graph.vertices(); v++) {
				assertThat(next.partner(v)).isEqualTo(first.partner(v));
			}
		}
	}

	@Test
	void reducedCostsOfEdgesInTheGraphAreNeverNegative() {
		Graph graph = Graph.random(new Random(11), 25, 0.4, 7);
		MaximumWeightMatching matching = graph.solve();
		for (int k = 0; k < graph.from().length; k++) {
			assertThat(matching.doubledReducedCost(graph.from()[k], graph.to()[k], graph.weight()[k]))
					.isGreaterThanOrEqualTo(0);
		}
	}
}
