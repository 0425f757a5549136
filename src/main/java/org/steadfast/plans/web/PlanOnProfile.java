package org.steadfast.plans.web;

import java.util.HashMap;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ProfileSection;
import org.steadfast.forum.Viewer;
import org.steadfast.plans.PlanQueries;

/** The member's current plan on their profile: day counter and streaks, only where its visibility allows. */
@Component
class PlanOnProfile implements ProfileSection {

	private final PlanQueries queries;

	PlanOnProfile(PlanQueries queries) {
		this.queries = queries;
	}

	@Override
	public Content render(long memberId, int order) {
		var model = new HashMap<String, Object>();
		queries.summaryFor(Viewer.current(), memberId).ifPresent(s -> model.put("plan", s));
		return new Content("plans/_profile :: plan", model);
	}

	@Override
	public int order() {
		return 10;
	}
}
