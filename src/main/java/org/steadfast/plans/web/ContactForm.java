package org.steadfast.plans.web;

import org.steadfast.plans.PlanRules;

record ContactForm(String day, String channel, String offered, String response) {

	PlanRules.ContactInput input() {
		return new PlanRules.ContactInput(day, channel, offered, response);
	}
}
