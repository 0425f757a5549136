package org.steadfast.plans;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.Visibility;
import org.steadfast.text.PlainText;

/**
 * Reads what a member typed into the plan, check-in, slip and contact forms: the parsed value, or
 * the message key for each field that is wrong. Pure functions of the input and "today" in the
 * member's zone, so that every rule is unit-tested and the service can re-check the parsed value.
 */
public final class PlanRules {

	public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
	/** Far enough for any key date ahead, near enough that counting days to it never overflows. */
	public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
	public static final List<Integer> TARGETS = List.of(30, 45, 60, 90);
	public static final int MAX_TARGET = 3650;
	public static final int MAX_KEY_DATES = 5;

	private PlanRules() {
	}

	/** A parsed value, or the errors by field (message keys). */
	public record Parsed<T>(T value, Map<String, String> errors) {
		public boolean ok() {
			return errors.isEmpty();
		}
	}

	public record PlanInput(String title, String statement, String startDate, String target, String customDays,
			String reasons, String triggers, String instead, String visibility, List<String> keyDay,
			List<String> keyLabel, List<String> keyNote, String purpose) {

		public PlanInput(String title, String statement, String startDate, String target, String customDays,
				String reasons, String triggers, String instead, String visibility, List<String> keyDay,
				List<String> keyLabel, List<String> keyNote) {
			this(title, statement, startDate, target, customDays, reasons, triggers, instead, visibility, keyDay,
					keyLabel, keyNote, null);
		}
	}

	public record CheckInInput(String day, String kept, String mood, String urge, String note) {
	}

	public record CheckInDraft(LocalDate day, boolean keptNoContact, int mood, int urge, String note) {
	}

	public record SlipInput(String day, String kind, String initiatedBy, String note) {
	}

	public record SlipDraft(LocalDate day, SlipKind kind, Initiator initiatedBy, String note) {
	}

	public record ContactInput(String day, String channel, String offered, String response) {
	}

	public record ContactDraft(LocalDate day, ContactChannel channel, String offered, String response) {
	}

	public static Parsed<PlanDraft> plan(PlanInput in, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		PlanPurpose purpose = purpose(in.purpose(), errors);
		String title = PlainText.normalize(in.title());
		PostingRules.checkTitle(title).ifPresent(key -> errors.put("title", key));
		String statement = text(in.statement(), 2000, "statement", errors);
		LocalDate start = date(in.startDate(), "startDate", errors);
		if (start != null && start.isAfter(today)) {
			errors.put("startDate", "plan.startDate.future");
		}
		int target = target(in.target(), in.customDays(), errors);
		String reasons = text(in.reasons(), 4000, "reasons", errors);
		String triggers = text(in.triggers(), 4000, "triggers", errors);
		String instead = text(in.instead(), 4000, "instead", errors);
		Visibility visibility = enumValue(Visibility.class, in.visibility(), "visibility", "plan.visibility.invalid", errors);
		List<PlanDraft.KeyDate> keyDates = keyDates(in, errors);
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		return new Parsed<>(new PlanDraft(title, statement, start, target, reasons, triggers, instead, visibility,
				keyDates, purpose), errors);
	}

	/**
	 * The purpose chosen on a form: none posted (a client that never showed the question) is the
	 * default; anything but one of the three is refused with its own message.
	 */
	public static Parsed<PlanPurpose> purpose(String raw) {
		Map<String, String> errors = new LinkedHashMap<>();
		PlanPurpose purpose = purpose(raw, errors);
		return new Parsed<>(purpose, errors);
	}

	private static PlanPurpose purpose(String raw, Map<String, String> errors) {
		if (raw == null) {
			return PlanPurpose.DEFAULT;
		}
		var purpose = PlanPurpose.parse(raw);
		if (purpose.isEmpty()) {
			errors.put("purpose", raw.isBlank() ? "plan.purpose.required" : "plan.purpose.invalid");
			return null;
		}
		return purpose.get();
	}

	public static Parsed<CheckInDraft> checkIn(CheckInInput in, LocalDate today, LocalDate planStart) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = "yesterday".equals(in.day()) ? today.minusDays(1)
				: "today".equals(in.day()) || in.day() == null || in.day().isBlank() ? today
						: date(in.day(), "day", errors);
		if (day != null && !errors.containsKey("day")) {
			if (!PlanCalendar.isCheckInDay(day, today)) {
				errors.put("day", "checkin.day.range");
			}
			else if (day.isBefore(planStart)) {
				errors.put("day", "checkin.day.beforePlan");
			}
		}
		Boolean kept = "yes".equals(in.kept()) ? Boolean.TRUE : "no".equals(in.kept()) ? Boolean.FALSE : null;
		if (kept == null) {
			errors.put("kept", "checkin.kept.required");
		}
		int mood = number(in.mood(), 1, 5, "mood", "checkin.mood.range", errors);
		int urge = number(in.urge(), 0, 10, "urge", "checkin.urge.range", errors);
		String note = PostingRules.normalizeBody(in.note());
		if (PlainText.length(note) > 10_000) {
			errors.put("note", "checkin.note.tooLong");
		}
		else if (PlainText.hasForbiddenCharacters(note)) {
			errors.put("note", "text.forbiddenCharacters");
		}
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		return new Parsed<>(new CheckInDraft(day, kept, mood, urge, note), errors);
	}

	public static Parsed<SlipDraft> slip(SlipInput in, LocalDate today, LocalDate planStart) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = pastDate(in.day(), today, planStart, "day", errors);
		SlipKind kind = enumValue(SlipKind.class, in.kind(), "kind", "slip.kind.required", errors);
		Initiator by = enumValue(Initiator.class, in.initiatedBy(), "initiatedBy", "slip.initiatedBy.required", errors);
		String note = text(in.note(), 1000, "note", errors);
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		return new Parsed<>(new SlipDraft(day, kind, by, note), errors);
	}

	public static Parsed<ContactDraft> contact(ContactInput in, LocalDate today, LocalDate planStart) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = pastDate(in.day(), today, planStart, "day", errors);
		ContactChannel channel = enumValue(ContactChannel.class, in.channel(), "channel", "contact.channel.required",
				errors);
		String offered = text(in.offered(), 2000, "offered", errors);
		String response = text(in.response(), 2000, "response", errors);
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		return new Parsed<>(new ContactDraft(day, channel, offered, response), errors);
	}

	/** A date on or before today and not before the plan started. */
	private static LocalDate pastDate(String raw, LocalDate today, LocalDate planStart, String field,
			Map<String, String> errors) {
		LocalDate day = date(raw, field, errors);
		if (day == null) {
			return null;
		}
		if (day.isAfter(today)) {
			errors.put(field, "date.future");
		}
		else if (day.isBefore(planStart)) {
			errors.put(field, "date.beforePlan");
		}
		return day;
	}

	private static LocalDate date(String raw, String field, Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			errors.put(field, "date.required");
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(raw.strip());
			if (day.isBefore(EARLIEST)) {
				errors.put(field, "date.tooEarly");
				return null;
			}
			if (day.isAfter(LATEST)) {
				errors.put(field, "date.tooLate");
				return null;
			}
			return day;
		}
		catch (DateTimeParseException e) {
			errors.put(field, "date.invalid");
			return null;
		}
	}

	private static int target(String target, String customDays, Map<String, String> errors) {
		if (target == null || target.isBlank()) {
			errors.put("target", "plan.target.required");
			return 0;
		}
		if (!"custom".equals(target)) {
			try {
				int days = Integer.parseInt(target);
				if (TARGETS.contains(days)) {
					return days;
				}
			}
			catch (NumberFormatException e) {
				// fall through to the message below
			}
			errors.put("target", "plan.target.required");
			return 0;
		}
		return number(customDays, 1, MAX_TARGET, "customDays", "plan.customDays.range", errors);
	}

	private static int number(String raw, int min, int max, String field, String key, Map<String, String> errors) {
		try {
			int value = Integer.parseInt(raw == null ? "" : raw.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.put(field, key);
		return min;
	}

	private static String text(String raw, int max, String field, Map<String, String> errors) {
		String value = PostingRules.normalizeBody(raw);
		if (PlainText.length(value) > max) {
			errors.put(field, "text.tooLong." + max);
		}
		else if (PlainText.hasForbiddenCharacters(value)) {
			errors.put(field, "text.forbiddenCharacters");
		}
		return value;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, String key,
			Map<String, String> errors) {
		try {
			return Enum.valueOf(type, raw == null ? "" : raw.strip());
		}
		catch (IllegalArgumentException e) {
			errors.put(field, key);
			return null;
		}
	}

	private static List<PlanDraft.KeyDate> keyDates(PlanInput in, Map<String, String> errors) {
		List<PlanDraft.KeyDate> result = new ArrayList<>();
		List<String> days = in.keyDay() == null ? List.of() : in.keyDay();
		for (int i = 0; i < days.size() && i < MAX_KEY_DATES; i++) {
			String rawDay = days.get(i);
			String label = PlainText.normalize(at(in.keyLabel(), i));
			String note = PlainText.normalize(at(in.keyNote(), i));
			if ((rawDay == null || rawDay.isBlank()) && label.isEmpty() && note.isEmpty()) {
				continue;
			}
			String field = "keyDates" + i;
			LocalDate day = date(rawDay, field, errors);
			if (label.isEmpty()) {
				errors.putIfAbsent(field, "plan.keyDate.labelRequired");
			}
			else if (PlainText.length(label) > 100 || PlainText.length(note) > 300 || PlainText.hasForbiddenCharacters(label)
					|| PlainText.hasForbiddenCharacters(note) || PlainText.hasLineBreaks(label)) {
				errors.putIfAbsent(field, "plan.keyDate.text");
			}
			if (day != null && !errors.containsKey(field)) {
				result.add(new PlanDraft.KeyDate(day, label, note));
			}
		}
		return result;
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}
}
