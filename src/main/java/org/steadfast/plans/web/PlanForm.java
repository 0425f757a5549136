package org.steadfast.plans.web;

import java.util.ArrayList;
import java.util.List;
import org.steadfast.plans.PlanRules;

/** The plan form as posted. Owner, status and ids are not fields: they come from the session and the URL. */
record PlanForm(String title, String statement, String startDate, String target, String customDays, String reasons,
		String triggers, String instead, String visibility, List<String> keyDay, List<String> keyLabel,
		List<String> keyNote, String formToken) {

	PlanRules.PlanInput input() {
		return new PlanRules.PlanInput(title, statement, startDate, target, customDays, reasons, triggers, instead,
				visibility, keyDay, keyLabel, keyNote);
	}

	/** Five key-date rows, filled from what was posted, for redisplay. */
	List<String[]> keyRows() {
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < PlanRules.MAX_KEY_DATES; i++) {
			rows.add(new String[] { at(keyDay, i), at(keyLabel, i), at(keyNote, i) });
		}
		return rows;
	}

	PlanForm withToken(String token) {
		return new PlanForm(title, statement, startDate, target, customDays, reasons, triggers, instead, visibility,
				keyDay, keyLabel, keyNote, token);
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}
}
