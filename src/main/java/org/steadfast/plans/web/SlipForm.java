package org.steadfast.plans.web;

import org.steadfast.plans.PlanRules;

record SlipForm(String day, String kind, String initiatedBy, String note) {

	PlanRules.SlipInput input() {
		return new PlanRules.SlipInput(day, kind, initiatedBy, note);
	}
}
