package org.steadfast.forum;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags are lower-case words joined by hyphens: {@code Mutual Friends} becomes
 * {@code mutual-friends}. Letters with accents fold to their base letter; anything else that is
 * not a letter, digit, space, hyphen or underscore is refused with a message rather than dropped,
 * so that nobody ends up with a tag they did not mean.
 */
public final class TagNames {

	public static final int MAX_TAGS = 5;
	public static final int MIN_LENGTH = 2;
	public static final int MAX_LENGTH = 30;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _-]+");

	private TagNames() {
	}

	/** A tag name, or the message key of the rule it broke. */
	public record Result(String name, String error) {
		public boolean ok() {
			return error == null;
		}
	}

	public static Result normalize(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return new Result(null, "tags.empty");
		}
		if (!ALLOWED.matcher(text).matches()) {
			return new Result(null, "tags.characters");
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String name = folded.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-").replaceAll("^-+|-+$", "");
		if (!name.matches("[a-z0-9-]*")) {
			return new Result(null, "tags.characters");
		}
		if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
			return new Result(null, "tags.length");
		}
		return new Result(name, null);
	}

	/** Parses a comma-separated list as typed in a form: the names, or the first error's key. */
	public static Parsed parseList(String typed) {
		if (typed == null || typed.isBlank()) {
			return new Parsed(List.of(), Optional.empty());
		}
		Set<String> names = new LinkedHashSet<>();
		for (String part : typed.split("[,\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			Result result = normalize(part);
			if (!result.ok()) {
				return new Parsed(List.of(), Optional.of(result.error()));
			}
			names.add(result.name());
		}
		if (names.size() > MAX_TAGS) {
			return new Parsed(List.of(), Optional.of("tags.tooMany"));
		}
		return new Parsed(new ArrayList<>(names), Optional.empty());
	}

	public record Parsed(List<String> names, Optional<String> error) {
	}
}
