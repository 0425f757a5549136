package org.steadfast.partners.matching;

import java.util.Arrays;

/** A growable list of ints, because boxing millions of pair indexes costs more than matching them. */
final class IntList {

	private int[] items = new int[16];
	private int size;

	void add(int value) {
		if (size == items.length) {
			items = Arrays.copyOf(items, size * 2);
		}
		items[size++] = value;
	}

	int get(int index) {
		return items[index];
	}

	int size() {
		return size;
	}

	boolean isEmpty() {
		return size == 0;
	}

	int removeLast() {
		return items[--size];
	}

	void clear() {
		size = 0;
	}

	void reverse() {
		for (int i = 0, j = size - 1; i < j; i++, j--) {
			int swap = items[i];
			items[i] = items[j];
			items[j] = swap;
		}
	}

	int[] toArray() {
		return Arrays.copyOf(items, size);
	}
}
