package org.steadfast.partners.matching;

/**
 * Two members proposed to each other.
 *
 * @param a the smaller member id
 * @param b the larger member id
 * @param fit how well they fit, from {@link Fit#score}
 */
public record Pair(long a, long b, double fit) {

	public Pair {
		if (a == b) {
			throw new IllegalArgumentException("A member cannot be paired with themselves: " + a);
		}
		if (a > b) {
			long smaller = b;
			b = a;
			a = smaller;
		}
		if (!(fit >= 0 && fit <= 1)) {
			throw new IllegalArgumentException("fit must be between 0 and 1: " + fit);
		}
	}

	/** Whether the given member is one of the two. */
	public boolean contains(long memberId) {
		return a == memberId || b == memberId;
	}

	/** The other member of the pair. */
	public long partnerOf(long memberId) {
		if (memberId == a) {
			return b;
		}
		if (memberId == b) {
			return a;
		}
		throw new IllegalArgumentException("Member " + memberId + " is not in " + this);
	}
}
