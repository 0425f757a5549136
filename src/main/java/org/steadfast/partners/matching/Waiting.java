package org.steadfast.partners.matching;

/** Why a member in the pool was not given a partner this time. */
public enum Waiting {

	/**
	 * Nobody in the pool is close enough in time zone and plan start with a wish in common, so a
	 * partner can only come from someone who joins the pool later.
	 */
	NO_COMPATIBLE_MEMBER,

	/**
	 * Someone compatible is in the pool, but every such pair is excluded (blocked, reported,
	 * declined or ended before).
	 */
	ALL_COMPATIBLE_EXCLUDED,

	/**
	 * Someone compatible is in the pool, but each of them was paired with someone else because
	 * that gave the pool as a whole a better total fit.
	 */
	BETTER_OVERALL_ELSEWHERE
}
