package org.steadfast.partners.matching;

import java.util.Arrays;

/**
 * A binary min-heap of long keys, each carrying two ints, without boxing. Entries are never
 * removed from the middle: whoever reads the top decides whether it is still current, which is
 * cheaper than tracking every entry that goes out of date.
 */
final class MinHeap {

	private long[] keys = new long[64];
	private int[] first = new int[64];
	private int[] second = new int[64];
	private int size;

	@FunctionalInterface
	interface EntryFilter {

		boolean keep(long key, int first, int second);
	}

	boolean isEmpty() {
		return size == 0;
	}

	int size() {
		return size;
	}

	/** Keeps only the entries the filter accepts, then restores the heap order. */
	void retain(EntryFilter filter) {
		int kept = 0;
		for (int i = 0; i < size; i++) {
			if (filter.keep(keys[i], first[i], second[i])) {
				keys[kept] = keys[i];
				first[kept] = first[i];
				second[kept] = second[i];
				kept++;
			}
		}
		size = kept;
		for (int i = size / 2 - 1; i >= 0; i--) {
			siftDown(i, keys[i], first[i], second[i]);
		}
	}

	long topKey() {
		return keys[0];
	}

	int topFirst() {
		return first[0];
	}

	int topSecond() {
		return second[0];
	}

	void push(long key, int a, int b) {
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
			first = Arrays.copyOf(first, size * 2);
			second = Arrays.copyOf(second, size * 2);
		}
		int at = size++;
		while (at > 0) {
			int parent = (at - 1) >> 1;
			if (keys[parent] <= key) {
				break;
			}
			move(parent, at);
			at = parent;
		}
		keys[at] = key;
		first[at] = a;
		second[at] = b;
	}

	void pop() {
		size--;
		if (size > 0) {
			siftDown(0, keys[size], first[size], second[size]);
		}
	}

	/** Places the entry (key, a, b) at {@code at} or below, moving smaller children up. */
	private void siftDown(int at, long key, int a, int b) {
		while (true) {
			int child = 2 * at + 1;
			if (child >= size) {
				break;
			}
			if (child + 1 < size && keys[child + 1] < keys[child]) {
				child++;
			}
			if (keys[child] >= key) {
				break;
			}
			move(child, at);
			at = child;
		}
		keys[at] = key;
		first[at] = a;
		second[at] = b;
	}

	private void move(int from, int to) {
		keys[to] = keys[from];
		first[to] = first[from];
		second[to] = second[from];
	}
}
