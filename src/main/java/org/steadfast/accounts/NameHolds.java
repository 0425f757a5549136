package org.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;
import org.steadfast.ops.HousekeepingTask;

/**
 * Usernames and addresses of erased accounts, held for a while before anyone may take them: so that
 * nobody (the ex included) can step into a leaving member's name at once. Kept as hashes of their
 * keys, so the hold itself names nobody.
 */
@Component
class NameHolds implements HousekeepingTask {

	private final JdbcClient jdbc;
	private final Clock clock;

	NameHolds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean isHeld(String value) {
		return jdbc.sql("select count(*) from name_hold where key_hash = ? and held_until > ?")
				.params(hash(value), Utc.of(clock.instant())).query(Long.class).single() > 0;
	}

	void hold(String value, Instant until) {
		String hash = hash(value);
		jdbc.sql("delete from name_hold where key_hash = ?").param(hash).update();
		jdbc.sql("insert into name_hold (key_hash, held_until) values (?, ?)").params(hash, Utc.of(until)).update();
	}

	@Override
	public String clean(Instant now) {
		int ended = jdbc.sql("delete from name_hold where held_until <= ?").param(Utc.of(now)).update();
		return "freed " + ended + " held names";
	}

	static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("hold:" + Member.key(value)).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
