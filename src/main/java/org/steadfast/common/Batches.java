package org.steadfast.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Ids (or keys) cut into batches for {@code in (:ids)} statements, each once, in the order given. */
public final class Batches {

	private Batches() {
	}

	public static <T> List<List<T>> of(Collection<T> ids, int size) {
		List<T> distinct = List.copyOf(new LinkedHashSet<>(ids));
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += size) {
			batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
		}
		return batches;
	}
}
