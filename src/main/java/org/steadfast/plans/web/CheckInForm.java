package org.steadfast.plans.web;

import org.steadfast.plans.PlanRules;

record CheckInForm(String day, String kept, String mood, String urge, String note, String formToken) {

	PlanRules.CheckInInput input() {
		return new PlanRules.CheckInInput(day, kept, mood, urge, note);
	}
}
