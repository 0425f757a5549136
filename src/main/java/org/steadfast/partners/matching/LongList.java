package org.steadfast.partners.matching;

import java.util.Arrays;

/** A growable list of longs, for pair keys ({@code i << 32 | j}) without boxing. */
final class LongList {

	private long[] items = new long[16];
	private int size;

	void add(long value) {
		if (size == items.length) {
			items = Arrays.copyOf(items, size * 2);
		}
		items[size++] = value;
	}

	/** The items in ascending order without repeats. */
	long[] toSortedDistinctArray() {
		long[] sorted = Arrays.copyOf(items, size);
		Arrays.sort(sorted);
		int distinct = 0;
		for (int x = 0; x < sorted.length; x++) {
			if (distinct == 0 || sorted[x] != sorted[distinct - 1]) {
				sorted[distinct++] = sorted[x];
			}
		}
		return Arrays.copyOf(sorted, distinct);
	}
}
