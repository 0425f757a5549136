package org.steadfast.forum;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.steadfast.ops.Secrets;

/**
 * One-time tokens for posting forms. Issuing one writes nothing (it is signed, not stored), so
 * showing a form stays a read; the token is recorded only when a post is made with it.
 */
@Component
public class FormTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] secret;
	private final ForumProperties properties;
	private final Clock clock;

	@Autowired
	FormTokens(ForumProperties properties, Clock clock, Secrets secrets) {
		// Shared by every node and kept across restarts, so a form opened before a restart, or
		// served by another node, can still be sent.
		this(properties, clock, secrets.get("form-tokens", properties.getFormTokenSecret()));
	}

	/** With the configured secret, or a random one of this instance's own. */
	FormTokens(ForumProperties properties, Clock clock) {
		this(properties, clock, properties.getFormTokenSecret().isBlank() ? randomSecret() : properties.getFormTokenSecret());
	}

	private FormTokens(ForumProperties properties, Clock clock, String secret) {
		this.properties = properties;
		this.clock = clock;
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public String issue(long memberId) {
		byte[] nonce = new byte[12];
		RANDOM.nextBytes(nonce);
		String payload = memberId + "." + clock.instant().getEpochSecond() + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		return payload + "." + sign(payload);
	}

	/** True when this member was given this token recently and nobody altered it. */
	public boolean isValid(String token, long memberId) {
		if (token == null || token.length() > 200) {
			return false;
		}
		int lastDot = token.lastIndexOf('.');
		if (lastDot < 0) {
			return false;
		}
		String payload = token.substring(0, lastDot);
		String[] parts = payload.split("\\.");
		if (parts.length != 3 || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		try {
			long owner = Long.parseLong(parts[0]);
			Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
			return owner == memberId && !issued.plus(properties.getFormTokenLifetime()).isBefore(clock.instant());
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	/**
	 * The member a genuine token was issued to, however old it is: who a form belongs to when its
	 * session has ended. Empty for a token nobody signed.
	 */
	public OptionalLong ownerOf(String token) {
		if (token == null || token.length() > 200 || token.lastIndexOf('.') < 0) {
			return OptionalLong.empty();
		}
		int lastDot = token.lastIndexOf('.');
		String payload = token.substring(0, lastDot);
		String[] parts = payload.split("\\.");
		if (parts.length != 3 || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(parts[0]));
		}
		catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/** What is stored of a used token: its hash, so the table never holds a usable token. */
	/** The stored form of a used token (a SHA-256 hex digest): what other modules keep to refuse a second use. */
	public static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
