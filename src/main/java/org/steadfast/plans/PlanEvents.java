package org.steadfast.plans;

import java.time.LocalDate;

/** What happened to a plan, for notifications, partners and the digest to react to. */
public final class PlanEvents {

	private PlanEvents() {
	}

	public record PlanStarted(long planTopicId, long memberId) {
	}

	public record CheckedIn(long planTopicId, long memberId, long postId, LocalDate day, boolean keptNoContact,
			int mood, int urge) {
	}

	public record SlipRecorded(long planTopicId, long memberId, LocalDate day) {
	}

	public record MilestoneReached(long planTopicId, long memberId, int days, LocalDate day) {
	}

	public record PlanEnded(long planTopicId, long memberId, PlanStatus outcome) {
	}
}
