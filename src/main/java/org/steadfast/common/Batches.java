package org.steadfast.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Ids cut into batches for {@code in (:ids)} statements, each id once, in the order given. */
public final class Batches {

	private Batches() {
	}

	public static List<List<Long>> of(Collection<Long> ids, int size) {
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
		List<List<Long>> batches = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += size) {
			batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
		}
		return batches;
	}
}
