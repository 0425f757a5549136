package org.steadfast.notifications;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;

/** The digest subscription, its local hour, discreet mode, and unsubscribing by the mailed token. */
@PrivateWrite
@Service
public class MailSettings {

	public enum Digest {
		OFF, DAILY, WEEKLY;

		public static Optional<Digest> parse(String name) {
			for (Digest d : values()) {
				if (d.name().equals(name)) {
					return Optional.of(d);
				}
			}
			return Optional.empty();
		}
	}

	public record Settings(Digest digest, int hour, boolean discreet) {

		public static final Settings DEFAULT = new Settings(Digest.OFF, 8, false);
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	MailSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Settings of(long memberId) {
		return jdbc.sql("select digest, digest_hour, discreet from mail_setting where member_id = ?").param(memberId)
				.query((rs, n) -> new Settings(Digest.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3)))
				.optional().orElse(Settings.DEFAULT);
	}

	@Transactional
	public void save(long memberId, Settings settings) {
		if (settings.hour() < 0 || settings.hour() > 23) {
			throw new IllegalArgumentException("digest.hourInvalid");
		}
		ensure(memberId);
		jdbc.sql("update mail_setting set digest = ?, digest_hour = ?, discreet = ? where member_id = ?")
				.params(settings.digest().name(), settings.hour(), settings.discreet(), memberId).update();
	}

	/** The member's unsubscribe token, created with their settings row. */
	@Transactional
	public String unsubscribeToken(long memberId) {
		ensure(memberId);
		return jdbc.sql("select unsubscribe_token from mail_setting where member_id = ?").param(memberId)
				.query(String.class).single();
	}

	/** Whether the token belongs to someone (the confirmation page shows nothing else about them). */
	@Transactional(readOnly = true)
	public boolean knownToken(String token) {
		return wellFormed(token) && jdbc.sql("select count(*) from mail_setting where unsubscribe_token = ?").param(token)
				.query(Long.class).single() > 0;
	}

	/** Stops the digest for the token's member; false for an unknown or tampered token. */
	@Transactional
	public boolean unsubscribe(String token) {
		if (!wellFormed(token)) {
			return false;
		}
		jdbc.sql("update mail_setting set digest = 'OFF' where unsubscribe_token = ?").param(token).update();
		return knownToken(token);
	}

	private void ensure(long memberId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		jdbc.sql("insert ignore into mail_setting (member_id, unsubscribe_token) values (?, ?)")
				.params(memberId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).update();
	}

	private static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}
}
