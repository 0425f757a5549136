package org.steadfast.plans;

import java.util.Optional;

/** What the member wants from no contact; the guidance the plan gives follows it ({@link PlanGuidance}). */
public enum PlanPurpose {
	/** Back together, on clear terms stated once. */
	BACK_TOGETHER,
	/** Moving on from the relationship. */
	MOVING_ON,
	/** Staying safe from someone who hurt them: never a suggestion to talk to them. */
	STAYING_SAFE;

	/** For plans written before members chose, and a form posted without a choice: safe for everybody. */
	public static final PlanPurpose DEFAULT = MOVING_ON;

	public PlanGuidance guidance() {
		return PlanGuidance.of(this);
	}

	/** The purpose named exactly, or empty for anything else (a tampered form). */
	public static Optional<PlanPurpose> parse(String name) {
		for (PlanPurpose p : values()) {
			if (p.name().equals(name)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}
}
