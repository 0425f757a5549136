package org.steadfast.plans.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steadfast.plans.PlanGuidance;
import org.steadfast.plans.PlanPurpose;
import org.steadfast.plans.PlanRules;

/** The plan form as posted. Owner, status and ids are not fields: they come from the session and the URL. */
record PlanForm(String title, String statement, String startDate, String target, String customDays, String reasons,
		String triggers, String instead, String visibility, List<String> keyDay, List<String> keyLabel,
		List<String> keyNote, String formToken, String purpose) {

	private static final String KEY_DATES = "keyDates";

	/** The guidance the form's hints follow: the purpose posted, or the default while none is chosen. */
	PlanGuidance guidance() {
		return PlanPurpose.parse(purpose).orElse(PlanPurpose.DEFAULT).guidance();
	}

	PlanRules.PlanInput input() {
		return new PlanRules.PlanInput(title, statement, startDate, target, customDays, reasons, triggers, instead,
				visibility, keyDay, keyLabel, keyNote, purpose);
	}

	/** Five key-date rows, filled from what was posted, for redisplay. */
	List<String[]> keyRows() {
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < PlanRules.MAX_KEY_DATES; i++) {
			rows.add(new String[] { at(keyDay, i), at(keyLabel, i), at(keyNote, i) });
		}
		return rows;
	}

	/**
	 * As shown on the page, with the given token and five key-date rows, so that a row's error has a date
	 * field to belong to ({@code keyDay[2]}).
	 */
	PlanForm shown(String token) {
		return new PlanForm(title, statement, startDate, target, customDays, reasons, triggers, instead, visibility,
				padded(keyDay), padded(keyLabel), padded(keyNote), token, purpose);
	}

	/** The rules' errors by field of this form: a key date's row ("keyDates2") is its date ("keyDay[2]"). */
	static Map<String, String> fields(Map<String, String> errors) {
		Map<String, String> fields = new LinkedHashMap<>();
		errors.forEach((field, key) -> fields.put(
				field.startsWith(KEY_DATES) ? "keyDay[" + field.substring(KEY_DATES.length()) + "]" : field, key));
		return fields;
	}

	private static List<String> padded(List<String> values) {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < PlanRules.MAX_KEY_DATES; i++) {
			rows.add(at(values, i));
		}
		return rows;
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}
}
