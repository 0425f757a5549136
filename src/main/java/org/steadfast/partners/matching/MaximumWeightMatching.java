package org.steadfast.partners.matching;

import java.util.Arrays;

/**
 * An exact maximum-weight matching of a general graph with integer weights: Edmonds' blossom
 * algorithm in the primal-dual form described by Z. Galil, "Efficient algorithms for finding
 * maximum matching in graphs", ACM Computing Surveys 18(1), 1986.
 * <p>
 * It keeps a matching and a feasible solution of the dual linear programme (a value for every
 * vertex and for every odd set of vertices contracted into a blossom). Alternating trees grow from
 * the unmatched vertices along edges whose reduced cost is zero, odd cycles shrink into blossoms,
 * and when two trees meet the path between their roots augments the matching. When nothing more
 * is reachable the dual values move by the largest step that keeps them feasible, which makes a
 * new edge usable, lets a blossom be expanded, or proves that no further gain is possible. At the
 * end the matching and the dual values satisfy complementary slackness, the certificate of
 * optimality that {@link #verifyOptimum} checks and that the matcher extends to edges this graph
 * did not contain ({@link #doubledReducedCost}).
 * <p>
 * Two departures from the textbook make it fast on graphs of thousands of vertices with many
 * equal weights, where the textbook spends nearly all its time starting over:
 * <ul>
 * <li>After an augmentation only the two trees that met are taken apart; the others keep growing.
 * Galil's stages relabel every tree from scratch, a scan of every edge per augmentation.</li>
 * <li>Dual values are moved lazily: S-vertices go down and T-vertices up by a running total, and
 * each value is brought up to date only when its label changes. The next step is read off three
 * heaps instead of a pass over every vertex and blossom: every edge from an S-vertex to a free
 * vertex, every edge between two S-blossoms and every T-blossom goes in, keyed by the running
 * total at which it becomes tight (or reaches zero). An entry stays right for as long as the
 * labels at its ends do; one whose ends have changed since is dropped when it reaches the top,
 * and whatever changed a label pushed the entries that are right now. This replaces the
 * least-slack edge bookkeeping of Galil's formulation, which cannot survive trees being taken
 * apart and regrown.</li>
 * </ul>
 * Vertex values are stored doubled, so every quantity stays an integer when the weights are
 * integers: there is no rounding anywhere. Vertices are numbered 0..n−1, blossoms n..2n−1; the
 * endpoints of edge k are 2k (its first vertex) and 2k+1 (its second).
 */
final class MaximumWeightMatching {

	private static final int FREE = 0;
	private static final int S = 1;
	private static final int T = 2;
	private static final int BREADCRUMB = 4;

	private final int n;
	private final int[] from;
	private final int[] to;
	private final long[] weight;
	private final int[] adjacencyStart;
	/** For each vertex, the far endpoints of its edges. */
	private final int[] adjacency;

	/** The far endpoint of a vertex's matched edge, or −1. */
	private final int[] mate;
	/** Of a top-level blossom: FREE, S or T; of a vertex inside a T-blossom: T once reached. */
	private final int[] label;
	/** The far endpoint of the edge through which the label was given, or −1. */
	private final int[] labelEnd;
	private final int[] inBlossom;
	private final int[] blossomParent;
	/** Sub-blossoms in order round the cycle, starting with the one holding the base. */
	private final int[][] blossomChildren;
	/** blossomEnds[b][i] is the endpoint of child i on the edge to child i + 1 round the cycle. */
	private final int[][] blossomEnds;
	private final int[] blossomBase;
	private final int[] unusedBlossoms;
	private int unusedCount;
	private final boolean[] allowEdge;
	private final IntList queue = new IntList();
	/** Pairs (S-vertex, far endpoint) of single edges to look at, kept flat. */
	private final IntList pendingEdges = new IntList();
	/** The root of the alternating tree a labelled vertex belongs to, or −1. */
	private final int[] treeOf;
	/** Of a root: the vertices labelled into its tree, possibly also some that have left it. */
	private final IntList[] treeMembers;

	/**
	 * Dual values as of {@link #stamp}: the current value is {@code dual + mode × (shift − stamp)},
	 * where mode is −1 for S-vertices and T-blossoms, +1 for T-vertices and S-blossoms, 0 otherwise.
	 */
	private final long[] dual;
	private final long[] stamp;
	private final int[] mode;
	/** The sum of every step the duals have moved so far. */
	private long shift;
	private int firstSingle;
	/** Edges from an S-vertex to a free vertex, keyed by the shift at which they become tight. */
	private final MinHeap towardsFree = new MinHeap();
	/** Edges between two S-blossoms, keyed likewise. */
	private final MinHeap betweenS = new MinHeap();
	/** T-blossoms, keyed by the shift at which their value reaches zero. */
	private final MinHeap tBlossoms = new MinHeap();
	/** Heap size beyond which out-of-date entries are cleared out: twice what can be current. */
	private final int heapLimit;

	/** Filled once the matching is final, for {@link #doubledReducedCost}. */
	private int[] blossomDepth;
	private long[] doubledBlossomValueUp;

	private MaximumWeightMatching(int vertices, int[] from, int[] to, long[] weight) {
		if (from.length != to.length || from.length != weight.length) {
			throw new IllegalArgumentException("Edge arrays differ in length");
		}
		this.n = vertices;
		this.from = from;
		this.to = to;
		this.weight = weight;
		int m = from.length;
		adjacencyStart = new int[n + 1];
		long maxWeight = 0;
		for (int k = 0; k < m; k++) {
			if (from[k] == to[k] || from[k] < 0 || to[k] < 0 || from[k] >= n || to[k] >= n) {
				throw new IllegalArgumentException("Bad edge " + from[k] + "-" + to[k]);
			}
			adjacencyStart[from[k] + 1]++;
			adjacencyStart[to[k] + 1]++;
			maxWeight = Math.max(maxWeight, weight[k]);
		}
		for (int v = 0; v < n; v++) {
			adjacencyStart[v + 1] += adjacencyStart[v];
		}
		adjacency = new int[2 * m];
		int[] fill = Arrays.copyOf(adjacencyStart, n);
		for (int k = 0; k < m; k++) {
			adjacency[fill[from[k]]++] = 2 * k + 1;
			adjacency[fill[to[k]]++] = 2 * k;
		}
		mate = new int[n];
		Arrays.fill(mate, -1);
		label = new int[2 * n];
		labelEnd = new int[2 * n];
		Arrays.fill(labelEnd, -1);
		inBlossom = new int[n];
		for (int v = 0; v < n; v++) {
			inBlossom[v] = v;
		}
		blossomParent = new int[2 * n];
		Arrays.fill(blossomParent, -1);
		blossomChildren = new int[2 * n][];
		blossomEnds = new int[2 * n][];
		blossomBase = new int[2 * n];
		for (int b = 0; b < 2 * n; b++) {
			blossomBase[b] = b < n ? b : -1;
		}
		unusedBlossoms = new int[n];
		for (int b = 2 * n - 1; b >= n; b--) {
			unusedBlossoms[unusedCount++] = b;
		}
		allowEdge = new boolean[m];
		treeOf = new int[n];
		Arrays.fill(treeOf, -1);
		treeMembers = new IntList[n];
		dual = new long[2 * n];
		Arrays.fill(dual, 0, n, maxWeight);
		stamp = new long[2 * n];
		mode = new int[2 * n];
		heapLimit = 2 * (m + 2 * n) + 64;
	}

	/**
	 * A matching of greatest total weight on vertices 0..{@code vertices}−1 and the edges
	 * {@code from[k]}–{@code to[k]} of weight {@code weight[k]}; at most one edge per pair of
	 * vertices, none from a vertex to itself. Ties between matchings of equal weight are broken by
	 * the order of vertices and edges, so the same input always gives the same matching.
	 */
	static MaximumWeightMatching solve(int vertices, int[] from, int[] to, long[] weight) {
		MaximumWeightMatching matching = new MaximumWeightMatching(vertices, from, to, weight);
		matching.run();
		matching.settleDuals();
		return matching;
	}

	/** The vertex matched to {@code v}, or −1. */
	int partner(int v) {
		return mate[v] < 0 ? -1 : endpoint(mate[v]);
	}

	/** Twice the final dual value of vertex {@code v}. */
	long doubledDual(int v) {
		return dual[v];
	}

	/**
	 * Twice the reduced cost of a possible edge {@code i}–{@code j} of weight {@code w} under the
	 * final dual solution: the vertex values plus the values of every blossom holding both, minus
	 * the weight. When this is negative for some edge the graph lacked, adding the edge could raise
	 * the optimum; when it is non-negative for every edge of a larger graph, the matching is
	 * optimal for that larger graph too (the duals stay feasible and complementary slackness does
	 * not involve unmatched edges).
	 */
	long doubledReducedCost(int i, int j, long w) {
		long reduced = dual[i] + dual[j] - 2 * w;
		if (inBlossom[i] != inBlossom[j]) {
			return reduced;
		}
		if (blossomDepth == null) {
			indexBlossomNesting();
		}
		// The blossoms holding both are the smallest one holding both and everything above it.
		int a = blossomParent[i];
		int b = blossomParent[j];
		while (blossomDepth[a] > blossomDepth[b]) {
			a = blossomParent[a];
		}
		while (blossomDepth[b] > blossomDepth[a]) {
			b = blossomParent[b];
		}
		while (a != b) {
			a = blossomParent[a];
			b = blossomParent[b];
		}
		return reduced + doubledBlossomValueUp[a];
	}

	/** Depth of every blossom in its nesting tree and twice the sum of values from it to the top. */
	private void indexBlossomNesting() {
		int[] depth = new int[2 * n];
		long[] valueUp = new long[2 * n];
		Arrays.fill(depth, -1);
		for (int b = n; b < 2 * n; b++) {
			if (blossomBase[b] >= 0) {
				nestingOf(b, depth, valueUp);
			}
		}
		blossomDepth = depth;
		doubledBlossomValueUp = valueUp;
	}

	private void nestingOf(int b, int[] depth, long[] valueUp) {
		if (depth[b] >= 0) {
			return;
		}
		int parent = blossomParent[b];
		if (parent == -1) {
			depth[b] = 0;
			valueUp[b] = 2 * dual[b];
			return;
		}
		nestingOf(parent, depth, valueUp);
		depth[b] = depth[parent] + 1;
		valueUp[b] = valueUp[parent] + 2 * dual[b];
	}

	/**
	 * Checks the optimality certificate: dual values non-negative, no edge with negative reduced
	 * cost, matched edges tight, unmatched vertices at zero and blossoms with a positive value
	 * full. Throws {@link IllegalStateException} otherwise.
	 */
	void verifyOptimum() {
		for (int b = 0; b < 2 * n; b++) {
			if (dual[b] < 0 && (b < n || blossomBase[b] >= 0)) {
				throw new IllegalStateException("Negative dual value at " + b);
			}
		}
		for (int k = 0; k < from.length; k++) {
			int i = from[k];
			int j = to[k];
			long reduced = doubledReducedCost(i, j, weight[k]);
			if (reduced < 0) {
				throw new IllegalStateException("Edge " + k + " has negative reduced cost " + reduced);
			}
			boolean matched = mate[i] >= 0 && mate[i] >> 1 == k;
			if (matched != (mate[j] >= 0 && mate[j] >> 1 == k)) {
				throw new IllegalStateException("Edge " + k + " is matched at one end only");
			}
			if (matched && reduced != 0) {
				throw new IllegalStateException("Matched edge " + k + " is not tight");
			}
		}
		for (int v = 0; v < n; v++) {
			if (mate[v] < 0 && dual[v] != 0) {
				throw new IllegalStateException("Unmatched vertex " + v + " has dual value " + dual[v]);
			}
		}
		for (int b = n; b < 2 * n; b++) {
			if (blossomBase[b] >= 0 && dual[b] > 0) {
				int[] ends = blossomEnds[b];
				if (ends.length % 2 != 1) {
					throw new IllegalStateException("Blossom " + b + " is not odd");
				}
				for (int x = 1; x < ends.length; x += 2) {
					int p = ends[x];
					if (mate[endpoint(p)] != (p ^ 1) || mate[endpoint(p ^ 1)] != p) {
						throw new IllegalStateException("Blossom " + b + " with a positive value is not full");
					}
				}
			}
		}
	}

	private int endpoint(int p) {
		return (p & 1) == 0 ? from[p >> 1] : to[p >> 1];
	}

	/** The current (doubled) dual value of a vertex, or the current value of a blossom. */
	private long dualOf(int x) {
		return dual[x] + mode[x] * (shift - stamp[x]);
	}

	/** Brings the value of vertex or blossom x up to date and lets it move in a new direction. */
	private void setMode(int x, int newMode) {
		dual[x] = dualOf(x);
		stamp[x] = shift;
		mode[x] = newMode;
	}

	/** Twice the slack of edge k, valid between vertices of different top-level blossoms. */
	private long slack(int k) {
		return dualOf(from[k]) + dualOf(to[k]) - 2 * weight[k];
	}

	private void settleDuals() {
		for (int x = 0; x < 2 * n; x++) {
			setMode(x, 0);
		}
	}

	private void run() {
		for (int v = 0; v < n; v++) {
			assignLabel(v, S, -1);
		}
		while (true) {
			scanQueue();
			while (firstSingle < n && mate[firstSingle] != -1) {
				firstSingle++;
			}
			if (firstSingle == n) {
				return;
			}
			// Type 1: the unmatched vertices, which always share the smallest value, reach zero;
			// nothing can improve after that. It wins ties, so it is considered first.
			long delta = dualOf(firstSingle);
			int deltaType = 1;
			int deltaEdge = -1;
			int deltaBlossom = -1;
			// Type 2: an edge from an S-vertex to a free vertex becomes tight.
			if (currentTowardsFree() && towardsFree.topKey() - shift < delta) {
				delta = towardsFree.topKey() - shift;
				deltaType = 2;
				deltaEdge = towardsFree.topSecond();
			}
			// Type 3: an edge between two S-blossoms becomes tight; both ends move, hence half.
			if (currentBetweenS() && betweenS.topKey() - shift < delta) {
				delta = betweenS.topKey() - shift;
				deltaType = 3;
				deltaEdge = betweenS.topFirst();
			}
			// Type 4: a T-blossom's value reaches zero and it must be expanded.
			if (currentTBlossom() && tBlossoms.topKey() - shift < delta) {
				delta = tBlossoms.topKey() - shift;
				deltaType = 4;
				deltaBlossom = tBlossoms.topFirst();
			}
			shift += delta;
			switch (deltaType) {
				case 1 -> {
					return;
				}
				case 2 -> {
					allowEdge[deltaEdge] = true;
					int i = from[deltaEdge];
					if (label[inBlossom[i]] != S) {
						i = to[deltaEdge];
					}
					processLater(i, deltaEdge);
				}
				case 3 -> {
					allowEdge[deltaEdge] = true;
					processLater(from[deltaEdge], deltaEdge);
				}
				default -> expandBlossom(deltaBlossom);
			}
		}
	}

	/** Drops out-of-date entries until the top one is current; false when none is left. */
	private boolean currentTowardsFree() {
		while (!towardsFree.isEmpty()) {
			if (isTowardsFree(towardsFree.topKey(), towardsFree.topFirst(), towardsFree.topSecond())) {
				return true;
			}
			towardsFree.pop();
		}
		return false;
	}

	private boolean currentBetweenS() {
		while (!betweenS.isEmpty()) {
			if (isBetweenS(betweenS.topKey(), betweenS.topFirst())) {
				return true;
			}
			betweenS.pop();
		}
		return false;
	}

	private boolean currentTBlossom() {
		while (!tBlossoms.isEmpty()) {
			if (isTBlossom(tBlossoms.topKey(), tBlossoms.topFirst())) {
				return true;
			}
			tBlossoms.pop();
		}
		return false;
	}

	/** Whether edge k still joins free vertex v to an S-vertex and becomes tight at {@code key}. */
	private boolean isTowardsFree(long key, int v, int k) {
		int s = from[k] == v ? to[k] : from[k];
		return label[inBlossom[v]] == FREE && label[inBlossom[s]] == S && key == shift + slack(k);
	}

	private boolean isBetweenS(long key, int k) {
		int bi = inBlossom[from[k]];
		int bj = inBlossom[to[k]];
		return bi != bj && label[bi] == S && label[bj] == S && key == shift + slack(k) / 2;
	}

	private boolean isTBlossom(long key, int b) {
		return blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == T && key == shift + dualOf(b);
	}

	private void pushTowardsFree(long key, int v, int k) {
		towardsFree.push(key, v, k);
		if (towardsFree.size() > heapLimit) {
			// Rescanned vertices push the same edges again; without this the heap could grow far
			// beyond the number of edges. An edge has one free end, so it is kept once.
			boolean[] kept = new boolean[from.length];
			towardsFree.retain(
					(entryKey, entryV, entryK) -> keepOnce(kept, entryK, isTowardsFree(entryKey, entryV, entryK)));
		}
	}

	private void pushBetweenS(long key, int k) {
		betweenS.push(key, k, 0);
		if (betweenS.size() > heapLimit) {
			boolean[] kept = new boolean[from.length];
			betweenS.retain((entryKey, entryK, unused) -> keepOnce(kept, entryK, isBetweenS(entryKey, entryK)));
		}
	}

	private void pushTBlossom(int b) {
		tBlossoms.push(shift + dualOf(b), b, 0);
		if (tBlossoms.size() > heapLimit) {
			boolean[] kept = new boolean[2 * n];
			tBlossoms.retain((entryKey, entryB, unused) -> keepOnce(kept, entryB, isTBlossom(entryKey, entryB)));
		}
	}

	private static boolean keepOnce(boolean[] kept, int item, boolean current) {
		if (!current || kept[item]) {
			return false;
		}
		kept[item] = true;
		return true;
	}

	/**
	 * Offers every edge from free vertex v to an S-vertex outside its blossom: a tight one is
	 * looked at from the S side once the current step is over, any other waits in the heap.
	 */
	private void offerEdgesToS(int v) {
		for (int a = adjacencyStart[v]; a < adjacencyStart[v + 1]; a++) {
			int p = adjacency[a];
			int s = endpoint(p);
			int bs = inBlossom[s];
			if (bs != inBlossom[v] && label[bs] == S) {
				long kSlack = slack(p >> 1);
				if (kSlack <= 0) {
					processLater(s, p >> 1);
				}
				else {
					pushTowardsFree(shift + kSlack, v, p >> 1);
				}
			}
		}
	}

	/** Labels everything reachable along tight edges, augmenting whenever two trees meet. */
	private void scanQueue() {
		while (!queue.isEmpty() || !pendingEdges.isEmpty()) {
			if (!pendingEdges.isEmpty()) {
				int p = pendingEdges.removeLast();
				int v = pendingEdges.removeLast();
				if (label[inBlossom[v]] == S) {
					processEdge(v, p);
				}
				continue;
			}
			int v = queue.removeLast();
			if (label[inBlossom[v]] != S) {
				// Its tree was taken apart by an augmentation after it was queued.
				continue;
			}
			for (int a = adjacencyStart[v]; a < adjacencyStart[v + 1]; a++) {
				if (processEdge(v, adjacency[a])) {
					break;
				}
			}
		}
	}

	/**
	 * Looks at the edge from S-vertex v to far endpoint p: grows the tree, forms a blossom or
	 * augments when it is tight, and otherwise files it under the event at which it will be.
	 * True when it augmented, which takes v's tree apart.
	 */
	private boolean processEdge(int v, int p) {
		int k = p >> 1;
		int w = endpoint(p);
		if (inBlossom[v] == inBlossom[w]) {
			return false;
		}
		long kSlack = 0;
		if (!allowEdge[k]) {
			kSlack = slack(k);
			if (kSlack <= 0) {
				allowEdge[k] = true;
			}
		}
		int bw = inBlossom[w];
		if (allowEdge[k]) {
			if (label[bw] == FREE) {
				assignLabel(w, T, p ^ 1);
			}
			else if (label[bw] == S) {
				int base = scanBlossom(v, w);
				if (base >= 0) {
					addBlossom(base, k);
				}
				else {
					int treeOfV = treeOf[v];
					int treeOfW = treeOf[w];
					augmentMatching(k);
					dissolve(treeOfV, treeOfW);
					return true;
				}
			}
			else if (!reachedFromS(w)) {
				// Remembered so that expanding this T-blossom later knows w can be reached.
				label[w] = T;
				labelEnd[w] = p ^ 1;
			}
		}
		else if (label[bw] == S) {
			pushBetweenS(shift + kSlack / 2, k);
		}
		else if (label[bw] == FREE) {
			pushTowardsFree(shift + kSlack, w, k);
		}
		return false;
	}

	/** Looks at edge k from S-vertex v once the queue is empty, without scanning all of v's edges. */
	private void processLater(int v, int k) {
		pendingEdges.add(v);
		pendingEdges.add(from[k] == v ? 2 * k + 1 : 2 * k);
	}

	/**
	 * Whether w, a vertex inside a T-blossom, can be reached from an S-vertex outside along a
	 * tight edge. The mark left by an S-vertex whose tree has since been taken apart, or on an edge
	 * that is no longer tight, does not count.
	 */
	private boolean reachedFromS(int w) {
		if (label[w] != T || labelEnd[w] < 0) {
			return false;
		}
		int s = endpoint(labelEnd[w]);
		return label[inBlossom[s]] == S && inBlossom[s] != inBlossom[w] && slack(labelEnd[w] >> 1) == 0;
	}

	/**
	 * Takes apart the two trees an augmenting path has just joined, leaving every other tree as
	 * it is. Their vertices become free: edges marked tight lose the mark (their slack changes once
	 * the vertices are labelled again) and their edges to S-vertices of other trees are offered.
	 */
	private void dissolve(int firstTree, int secondTree) {
		IntList freed = new IntList();
		for (int tree : new int[] { firstTree, secondTree }) {
			IntList members = treeMembers[tree];
			for (int x = 0; x < members.size(); x++) {
				int v = members.get(x);
				if (treeOf[v] != tree) {
					continue;
				}
				treeOf[v] = -1;
				int b = inBlossom[v];
				setMode(v, 0);
				setMode(b, 0);
				label[v] = FREE;
				labelEnd[v] = -1;
				label[b] = FREE;
				labelEnd[b] = -1;
				freed.add(v);
			}
			members.clear();
		}
		for (int x = 0; x < freed.size(); x++) {
			int v = freed.get(x);
			for (int a = adjacencyStart[v]; a < adjacencyStart[v + 1]; a++) {
				allowEdge[adjacency[a] >> 1] = false;
			}
		}
		for (int x = 0; x < freed.size(); x++) {
			offerEdgesToS(freed.get(x));
		}
	}

	private void assignLabel(int w, int t, int p) {
		int b = inBlossom[w];
		int tree = p == -1 ? w : treeOf[endpoint(p)];
		label[w] = t;
		label[b] = t;
		labelEnd[w] = p;
		labelEnd[b] = p;
		if (treeMembers[tree] == null) {
			treeMembers[tree] = new IntList();
		}
		IntList members = treeMembers[tree];
		int first = members.size();
		collectLeaves(b, members);
		for (int x = first; x < members.size(); x++) {
			int leaf = members.get(x);
			treeOf[leaf] = tree;
			setMode(leaf, t == S ? -1 : 1);
			if (t == S) {
				queue.add(leaf);
			}
		}
		if (b >= n) {
			setMode(b, t == S ? 1 : -1);
		}
		if (t == T) {
			if (b >= n) {
				pushTBlossom(b);
			}
			// Only the base of a T-blossom is matched outside it, and its mate becomes S.
			int base = blossomBase[b];
			assignLabel(endpoint(mate[base]), S, mate[base] ^ 1);
		}
	}

	private void collectLeaves(int b, IntList out) {
		if (b < n) {
			out.add(b);
			return;
		}
		for (int child : blossomChildren[b]) {
			collectLeaves(child, out);
		}
	}

	/**
	 * Walks back from S-vertices v and w towards the roots of their trees, alternately, leaving
	 * breadcrumbs. Meeting a breadcrumb means both are in one tree: the base of the new blossom is
	 * returned. Reaching two roots means an augmenting path: −1.
	 */
	private int scanBlossom(int v, int w) {
		IntList path = new IntList();
		int base = -1;
		while (v != -1 || w != -1) {
			int b = inBlossom[v];
			if ((label[b] & BREADCRUMB) != 0) {
				base = blossomBase[b];
				break;
			}
			path.add(b);
			label[b] = S | BREADCRUMB;
			if (labelEnd[b] == -1) {
				v = -1;
			}
			else {
				v = endpoint(labelEnd[b]);
				b = inBlossom[v];
				v = endpoint(labelEnd[b]);
			}
			if (w != -1) {
				int swap = v;
				v = w;
				w = swap;
			}
		}
		for (int x = 0; x < path.size(); x++) {
			label[path.get(x)] = S;
		}
		return base;
	}

	/** Shrinks the odd cycle closed by edge k (between two S-vertices) into a new S-blossom. */
	private void addBlossom(int base, int k) {
		int v = from[k];
		int w = to[k];
		int bb = inBlossom[base];
		int bv = inBlossom[v];
		int bw = inBlossom[w];
		int b = unusedBlossoms[--unusedCount];
		blossomBase[b] = base;
		blossomParent[b] = -1;
		blossomParent[bb] = b;
		IntList children = new IntList();
		IntList ends = new IntList();
		while (bv != bb) {
			blossomParent[bv] = b;
			children.add(bv);
			ends.add(labelEnd[bv]);
			v = endpoint(labelEnd[bv]);
			bv = inBlossom[v];
		}
		children.add(bb);
		children.reverse();
		ends.reverse();
		ends.add(2 * k);
		while (bw != bb) {
			blossomParent[bw] = b;
			children.add(bw);
			ends.add(labelEnd[bw] ^ 1);
			w = endpoint(labelEnd[bw]);
			bw = inBlossom[w];
		}
		label[b] = S;
		labelEnd[b] = labelEnd[bb];
		blossomChildren[b] = children.toArray();
		blossomEnds[b] = ends.toArray();
		for (int child : blossomChildren[b]) {
			if (child >= n) {
				// No longer at the top, its value stays where it is.
				setMode(child, 0);
			}
		}
		dual[b] = 0;
		stamp[b] = shift;
		mode[b] = 1;
		IntList leaves = new IntList();
		collectLeaves(b, leaves);
		for (int x = 0; x < leaves.size(); x++) {
			int leaf = leaves.get(x);
			if (label[inBlossom[leaf]] == T) {
				// A T-vertex inside an S-blossom is now an S-vertex whose edges need scanning.
				queue.add(leaf);
			}
			setMode(leaf, -1);
			inBlossom[leaf] = b;
		}
	}

	private static int indexOf(int[] items, int item) {
		for (int i = 0; i < items.length; i++) {
			if (items[i] == item) {
				return i;
			}
		}
		throw new IllegalStateException("Sub-blossom " + item + " not found");
	}

	private static int wrap(int index, int length) {
		return index < 0 ? index + length : index;
	}

	/** Dissolves a top-level T-blossom whose value has reached zero into its sub-blossoms. */
	private void expandBlossom(int b) {
		int[] children = blossomChildren[b];
		int[] ends = blossomEnds[b];
		int length = children.length;
		IntList allLeaves = new IntList();
		collectLeaves(b, allLeaves);
		for (int x = 0; x < allLeaves.size(); x++) {
			setMode(allLeaves.get(x), 0);
		}
		setMode(b, 0);
		for (int s : children) {
			blossomParent[s] = -1;
			if (s < n) {
				inBlossom[s] = s;
			}
			else {
				// A sub-blossom keeps the label of the time it was last at the top; here it starts
				// afresh.
				label[s] = FREE;
				labelEnd[s] = -1;
				IntList leaves = new IntList();
				collectLeaves(s, leaves);
				for (int x = 0; x < leaves.size(); x++) {
					inBlossom[leaves.get(x)] = s;
				}
			}
		}
		// The tree entered the blossom through one child; the even-length way round from it to
		// the base keeps the tree alternating, and those children are relabelled T and S.
		int entryChild = inBlossom[endpoint(labelEnd[b] ^ 1)];
		int j = indexOf(children, entryChild);
		int step;
		int trick;
		if ((j & 1) != 0) {
			j -= length;
			step = 1;
			trick = 0;
		}
		else {
			step = -1;
			trick = 1;
		}
		int p = labelEnd[b];
		while (j != 0) {
			label[endpoint(p ^ 1)] = FREE;
			label[endpoint(ends[wrap(j - trick, length)] ^ trick ^ 1)] = FREE;
			assignLabel(endpoint(p ^ 1), T, p);
			allowEdge[ends[wrap(j - trick, length)] >> 1] = true;
			j += step;
			p = ends[wrap(j - trick, length)] ^ trick;
			allowEdge[p >> 1] = true;
			j += step;
		}
		// The base child keeps its T label without passing S on to its mate, which is already
		// labelled.
		int bv = children[wrap(j, length)];
		label[endpoint(p ^ 1)] = T;
		label[bv] = T;
		labelEnd[endpoint(p ^ 1)] = p;
		labelEnd[bv] = p;
		IntList baseLeaves = new IntList();
		collectLeaves(bv, baseLeaves);
		for (int x = 0; x < baseLeaves.size(); x++) {
			setMode(baseLeaves.get(x), 1);
		}
		if (bv >= n) {
			setMode(bv, -1);
			pushTBlossom(bv);
		}
		j += step;
		// The odd-length way round is left out of the tree, except for children an S-vertex
		// outside can reach along a tight edge.
		while (children[wrap(j, length)] != entryChild) {
			bv = children[wrap(j, length)];
			if (label[bv] == S) {
				j += step;
				continue;
			}
			IntList leaves = new IntList();
			collectLeaves(bv, leaves);
			int reached = -1;
			for (int x = 0; x < leaves.size(); x++) {
				if (reachedFromS(leaves.get(x))) {
					reached = leaves.get(x);
					break;
				}
			}
			if (reached != -1) {
				label[reached] = FREE;
				label[endpoint(mate[blossomBase[bv]])] = FREE;
				assignLabel(reached, T, labelEnd[reached]);
			}
			else {
				label[bv] = FREE;
				for (int x = 0; x < leaves.size(); x++) {
					offerEdgesToS(leaves.get(x));
				}
			}
			j += step;
		}
		label[b] = -1;
		labelEnd[b] = -1;
		blossomChildren[b] = null;
		blossomEnds[b] = null;
		blossomBase[b] = -1;
		unusedBlossoms[unusedCount++] = b;
	}

	/** Flips matched and unmatched edges on the even-length path through blossom b from v to its base. */
	private void augmentBlossom(int b, int v) {
		int t = v;
		while (blossomParent[t] != b) {
			t = blossomParent[t];
		}
		if (t >= n) {
			augmentBlossom(t, v);
		}
		int[] children = blossomChildren[b];
		int[] ends = blossomEnds[b];
		int length = children.length;
		int i = indexOf(children, t);
		int j = i;
		int step;
		int trick;
		if ((i & 1) != 0) {
			j -= length;
			step = 1;
			trick = 0;
		}
		else {
			step = -1;
			trick = 1;
		}
		while (j != 0) {
			j += step;
			t = children[wrap(j, length)];
			int p = ends[wrap(j - trick, length)] ^ trick;
			if (t >= n) {
				augmentBlossom(t, endpoint(p));
			}
			j += step;
			t = children[wrap(j, length)];
			if (t >= n) {
				augmentBlossom(t, endpoint(p ^ 1));
			}
			mate[endpoint(p)] = p ^ 1;
			mate[endpoint(p ^ 1)] = p;
		}
		blossomChildren[b] = rotate(children, i);
		blossomEnds[b] = rotate(ends, i);
		blossomBase[b] = blossomBase[blossomChildren[b][0]];
	}

	private static int[] rotate(int[] items, int first) {
		int[] rotated = new int[items.length];
		System.arraycopy(items, first, rotated, 0, items.length - first);
		System.arraycopy(items, 0, rotated, items.length - first, first);
		return rotated;
	}

	/** Flips the augmenting path that runs through edge k, which joins two trees' S-vertices. */
	private void augmentMatching(int k) {
		for (int side = 0; side < 2; side++) {
			int s = side == 0 ? from[k] : to[k];
			int p = side == 0 ? 2 * k + 1 : 2 * k;
			while (true) {
				int bs = inBlossom[s];
				if (bs >= n) {
					augmentBlossom(bs, s);
				}
				mate[s] = p;
				if (labelEnd[bs] == -1) {
					break;
				}
				int t = endpoint(labelEnd[bs]);
				int bt = inBlossom[t];
				s = endpoint(labelEnd[bt]);
				int j = endpoint(labelEnd[bt] ^ 1);
				if (bt >= n) {
					augmentBlossom(bt, j);
				}
				mate[j] = labelEnd[bt];
				p = labelEnd[bt] ^ 1;
			}
		}
	}
}
