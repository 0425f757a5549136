package org.steadfast.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;

/**
 * OWASP's device cookies: a browser where a member signed in gets a cookie naming that member's
 * username and a random nonce, signed with a key every node shares. A sign-in attempt for that
 * login from that browser is then counted against the cookie alone, so whoever guesses passwords
 * for the member's public username elsewhere cannot lock the member out of their own browser;
 * the cookie, if it fails too often, is locked out itself. The cookie is only a throttling hint:
 * the password is still checked.
 */
class DeviceCookies {

	static final String NAME = "device";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;
	private final Duration maxAge;
	/** The username a typed login (username or email) belongs to, for a cookie presented with an email. */
	private final Function<String, Optional<String>> usernameOf;

	DeviceCookies(String secret, Duration maxAge, Function<String, Optional<String>> usernameOf) {
		this.key = secret.getBytes(StandardCharsets.UTF_8);
		this.maxAge = maxAge;
		this.usernameOf = usernameOf;
	}

	/** The device id (the cookie's nonce) when the request carries a valid device cookie for this typed login. */
	Optional<String> deviceFor(HttpServletRequest request, String login) {
		if (login == null || login.isBlank() || request.getCookies() == null) {
			return Optional.empty();
		}
		String typed = login.trim().toLowerCase(Locale.ROOT);
		for (Cookie cookie : request.getCookies()) {
			if (!NAME.equals(cookie.getName())) {
				continue;
			}
			Optional<Parsed> parsed = parse(cookie.getValue());
			if (parsed.isPresent() && (parsed.get().username().equals(typed)
					|| typed.contains("@") && usernameOf.apply(typed).map(u -> u.toLowerCase(Locale.ROOT))
							.filter(parsed.get().username()::equals).isPresent())) {
				return Optional.of(parsed.get().nonce());
			}
		}
		return Optional.empty();
	}

	/** A fresh device cookie for the member who just signed in (a new nonce: a locked-out cookie stays locked). */
	void issue(HttpServletRequest request, HttpServletResponse response, String username) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String user = username.toLowerCase(Locale.ROOT);
		String nonceText = base64(nonce);
		String value = base64(user.getBytes(StandardCharsets.UTF_8)) + "." + nonceText + "." + sign(user, nonceText);
		String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
		response.addHeader("Set-Cookie", ResponseCookie.from(NAME, value).path(path).maxAge(maxAge).httpOnly(true)
				.secure(request.isSecure()).sameSite("Lax").build().toString());
	}

	private Optional<Parsed> parse(String value) {
		if (value == null || value.length() > 512) {
			return Optional.empty();
		}
		String[] parts = value.split("\\.", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			return Optional.empty();
		}
		try {
			String user = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
			byte[] expected = sign(user, parts[1]).getBytes(StandardCharsets.US_ASCII);
			if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
				return Optional.empty();
			}
			return Optional.of(new Parsed(user, parts[1]));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private String sign(String username, String nonce) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return base64(mac.doFinal(("device-cookie|" + username + "|" + nonce).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private record Parsed(String username, String nonce) {
	}
}
