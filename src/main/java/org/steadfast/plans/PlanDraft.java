package org.steadfast.plans;

import java.time.LocalDate;
import java.util.List;
import org.steadfast.forum.Visibility;

/** A plan as its author writes it, already parsed; {@link PlanRules} decides whether it may be saved. */
public record PlanDraft(String title, String statement, LocalDate startDate, int targetDays, String reasons,
		String triggers, String instead, Visibility visibility, List<KeyDate> keyDates, PlanPurpose purpose) {

	/** A plan with the default purpose (moving on). */
	public PlanDraft(String title, String statement, LocalDate startDate, int targetDays, String reasons,
			String triggers, String instead, Visibility visibility, List<KeyDate> keyDates) {
		this(title, statement, startDate, targetDays, reasons, triggers, instead, visibility, keyDates,
				PlanPurpose.DEFAULT);
	}

	/** A date ahead worth preparing for: a birthday, an anniversary, a holiday. */
	public record KeyDate(LocalDate day, String label, String note) {
	}
}
