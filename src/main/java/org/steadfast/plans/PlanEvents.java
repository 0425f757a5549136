package org.steadfast.plans;

import java.time.LocalDate;

/** What happened to a plan, for notifications, partners and the digest to react to. */
public final class PlanEvents {

	private PlanEvents() {
	}

	/** Published inside the transaction that starts the plan, so that a listener may join it. */
	public record PlanStarted(long planTopicId, long memberId, PlanPurpose purpose) {
	}

	public record PurposeChanged(long planTopicId, long memberId, PlanPurpose purpose) {
	}

	public record CheckedIn(long planTopicId, long memberId, long postId, LocalDate day, boolean keptNoContact,
			int mood, int urge) {
	}

	public record SlipRecorded(long planTopicId, long memberId, LocalDate day) {
	}

	public record MilestoneReached(long planTopicId, long memberId, int days, LocalDate day, PlanPurpose purpose) {
	}

	public record PlanEnded(long planTopicId, long memberId, PlanStatus outcome) {
	}
}
