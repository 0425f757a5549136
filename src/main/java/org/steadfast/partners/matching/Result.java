package org.steadfast.partners.matching;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of matching a pool.
 *
 * @param pairs the proposed pairs, in ascending order of their smaller member id
 * @param waiting every member of the pool who is in no pair, with the reason, in ascending order of
 *        member id
 */
public record Result(List<Pair> pairs, Map<Long, Waiting> waiting) {

	public Result {
		pairs = List.copyOf(pairs);
		// Map.copyOf iterates in an order that changes from run to run; a page listing who waits
		// should not.
		waiting = Collections.unmodifiableMap(new TreeMap<>(waiting));
	}

	/** The sum of the fits of all pairs, the quantity the matcher makes as large as it can. */
	public double totalFit() {
		double total = 0;
		for (Pair pair : pairs) {
			total += pair.fit();
		}
		return total;
	}
}
