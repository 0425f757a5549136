package org.steadfast.partners.matching;

/**
 * Pairs that must never be proposed: one has blocked or reported the other, or the two declined
 * a proposal or ended a partnership before. Sanctioned members are not excluded here; they are
 * simply left out of the pool (silenced, suspended or banned ones; a warning leaves a member in it).
 * <p>
 * The matcher asks in both directions, so an implementation may answer for the order in which it
 * stored the fact (a blocked b) and leave the reverse to the matcher. It asks only about pairs
 * that could end up in the result or that explain why someone waits, each pair once: about ten
 * pairs per member of the pool, not one question per compatible pair. Answers should come from
 * memory (a set loaded before matching), not from one database query each.
 */
@FunctionalInterface
public interface Exclusions {

	/** No pair is excluded. */
	Exclusions NONE = (a, b) -> false;

	boolean excluded(long a, long b);
}
