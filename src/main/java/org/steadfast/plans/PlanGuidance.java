package org.steadfast.plans;

import java.util.List;

/**
 * What a plan says to its member, by purpose: message keys for the reached-out guide, the
 * statement field and its heading, the SOS page and milestones, and whether safety helplines and
 * discreet mode belong to it. One place decides, so that no page of a "staying safe" plan
 * suggests talking to the person who hurt them.
 *
 * @param reachedOutHeading the heading of the guide on "They reached out"
 * @param reachedOutGuide the points of "They reached out", in order
 * @param statementLabel the plan form's label for the statement field
 * @param statementHint the hint under it
 * @param statementExample the example under it
 * @param statementHeading the heading over the statement on the plan page and in its first post
 * @param sosStatementHeading the heading over the statement on the SOS page
 * @param milestone the words before the milestones reached on the plan page
 * @param talkingSuggested whether the guidance may ever suggest talking to them
 * @param safetyHelplines whether domestic abuse helplines are shown with the guidance
 * @param discreetByDefault whether starting such a plan turns discreet mode on
 */
public record PlanGuidance(PlanPurpose purpose, String reachedOutHeading, List<String> reachedOutGuide, String statementLabel,
		String statementHint, String statementExample, String statementHeading, String sosStatementHeading,
		String milestone, boolean talkingSuggested, boolean safetyHelplines, boolean discreetByDefault) {

	public static PlanGuidance of(PlanPurpose purpose) {
		String p = purpose.name();
		return switch (purpose) {
			case BACK_TOGETHER -> new PlanGuidance(purpose, "contact.guideHeading",
					List.of("contact.guide.offer", "contact.guide.checkingIn", "contact.guide.wait"),
					"plan.statement", "plan.statementHint", "plan.statementExample", "plan.post.statement",
					"partners.sos.yourStatement", "plan.milestonesReached", true, false, false);
			case MOVING_ON -> new PlanGuidance(purpose, "contact.guideHeading",
					List.of("contact.guide.MOVING_ON.owe", "contact.guide.checkingIn", "contact.guide.MOVING_ON.closure",
							"contact.guide.wait"),
					"plan.statement", "plan.statementHint." + p, "plan.statementExample." + p, "plan.post.statement",
					"partners.sos.yourStatement", "plan.milestonesReached", false, false, false);
			case STAYING_SAFE -> new PlanGuidance(purpose, "contact.guideHeading." + p,
					List.of("contact.guide.STAYING_SAFE.noReply", "contact.guide.STAYING_SAFE.keep",
							"contact.guide.STAYING_SAFE.danger", "contact.guide.STAYING_SAFE.helpline"),
					"plan.statement." + p, "plan.statementHint." + p, "plan.statementExample." + p,
					"plan.post.statement." + p, "partners.sos.yourStatement." + p, "plan.milestonesReached." + p, false, true,
					true);
		};
	}
}
