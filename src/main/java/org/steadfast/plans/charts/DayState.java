package org.steadfast.plans.charts;

/** What one calendar day looked like for a member's plan. */
public enum DayState {
	/** Counted as a day without contact, but the member did not check in. */
	NO_CONTACT,
	/** A day without contact on which the member checked in. */
	CHECKED_IN,
	/** Contact was broken on this day. */
	SLIP,
	/** Nothing to show, for example a day outside an active streak. */
	NONE,
	/** Before the plan started. */
	BEFORE_PLAN,
	/** After today. */
	FUTURE
}
