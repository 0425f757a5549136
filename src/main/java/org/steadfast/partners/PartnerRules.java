package org.steadfast.partners;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steadfast.partners.matching.Wish;
import org.steadfast.text.PlainText;

/** Checks what members type on partner pages; each problem is a message key for its field. */
public final class PartnerRules {

	public static final int INTRO_MAX = 500;
	public static final int MESSAGE_MAX = 2000;
	public static final int NOTE_MAX = 500;

	private PartnerRules() {
	}

	/** A parsed value or the errors (field → message key). */
	public record Parsed<T>(T value, Map<String, String> errors) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	public static Parsed<PartnerProfiles.Draft> profile(String looking, String checkInHour, List<String> wishes,
			String intro, String sosHelper) {
		Map<String, String> errors = new LinkedHashMap<>();
		int hour = -1;
		try {
			hour = Integer.parseInt(checkInHour == null ? "" : checkInHour.trim());
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (hour < 0 || hour > 23) {
			errors.put("checkInHour", "partners.profile.hourInvalid");
		}
		Set<Wish> chosen = EnumSet.noneOf(Wish.class);
		for (String wish : wishes == null ? List.<String>of() : wishes) {
			try {
				chosen.add(Wish.valueOf(wish));
			}
			catch (IllegalArgumentException e) {
				errors.put("wishes", "partners.profile.wishInvalid");
			}
		}
		String text = PlainText.normalize(intro);
		if (PlainText.length(text) > INTRO_MAX || PlainText.hasForbiddenCharacters(text)) {
			errors.put("intro", "partners.profile.introInvalid");
		}
		boolean on = "true".equals(looking);
		if (on && text.isEmpty()) {
			errors.put("intro", "partners.profile.introRequired");
		}
		return new Parsed<>(errors.isEmpty()
				? new PartnerProfiles.Draft(on, hour, chosen, text, "true".equals(sosHelper)) : null, errors);
	}

	/** A message or a note: trimmed, not empty (unless {@code optional}), not too long, no hidden characters. */
	public static Parsed<String> text(String input, int max, boolean optional, String field, String emptyKey,
			String invalidKey) {
		String text = PlainText.normalize(input);
		if (text.isEmpty() && !optional) {
			return new Parsed<>(null, Map.of(field, emptyKey));
		}
		if (PlainText.length(text) > max || PlainText.hasForbiddenCharacters(text)) {
			return new Parsed<>(null, Map.of(field, invalidKey));
		}
		return new Parsed<>(text, Map.of());
	}
}
