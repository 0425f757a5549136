package org.steadfast.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords are 12 to 128 characters and not among the commonly used ones: length is what makes
 * a password strong, and the shipped list catches the long passwords attackers try first
 * (including a common word padded with digits, such as {@code password1234}).
 */
public final class PasswordRules {

	public static final int MIN = 12;
	public static final int MAX = 128;

	private static final Set<String> COMMON = load();

	private PasswordRules() {
	}

	/** The message key of the first broken rule, or empty when the password is acceptable. */
	public static Optional<String> check(String password, String username, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("password.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (isCommon(lower) || sameAs(lower, username) || sameAs(lower, localPart(email))) {
			return Optional.of("password.common");
		}
		if (lower.chars().distinct().count() <= 3) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static boolean isCommon(String lower) {
		if (COMMON.contains(lower)) {
			return true;
		}
		String core = lower.replaceAll("^[0-9\\p{Punct}]+|[0-9\\p{Punct}]+$", "");
		return core.isEmpty() || COMMON.contains(core);
	}

	private static boolean sameAs(String lower, String other) {
		if (other == null || other.isBlank()) {
			return false;
		}
		String core = lower.replaceAll("[0-9\\p{Punct}]+$", "");
		return core.equals(other.toLowerCase(Locale.ROOT));
	}

	private static String localPart(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		return at > 0 ? email.substring(0, at) : email;
	}

	private static Set<String> load() {
		var in = PasswordRules.class.getResourceAsStream("/common-passwords.txt");
		if (in == null) {
			throw new IllegalStateException("common-passwords.txt is missing from the classpath");
		}
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			Set<String> words = new HashSet<>();
			reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
					.map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
			return Set.copyOf(words);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
