package org.steadfast.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Usernames are 3 to 20 ASCII letters, digits, underscores or hyphens. ASCII keeps names
 * unambiguous: no look-alike letters from other scripts to impersonate another member.
 */
public final class UsernameRules {

	public static final int MIN = 3;
	public static final int MAX = 20;

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");

	/** Names that would let someone pose as the site or its staff. */
	private static final Set<String> RESERVED = Set.of("admin", "administrator", "moderator", "mod", "mods",
			"staff", "steadfast", "support", "system", "root", "help", "anonymous", "deleted", "null");

	private UsernameRules() {
	}

	/** The message key of the first broken rule, or empty when the username is acceptable. */
	public static Optional<String> check(String username) {
		if (username == null || username.isBlank()) {
			return Optional.of("username.required");
		}
		if (username.length() < MIN || username.length() > MAX) {
			return Optional.of("username.length");
		}
		if (!ALLOWED.matcher(username).matches()) {
			return Optional.of("username.characters");
		}
		if (RESERVED.contains(Member.key(username))) {
			return Optional.of("username.reserved");
		}
		return Optional.empty();
	}
}
