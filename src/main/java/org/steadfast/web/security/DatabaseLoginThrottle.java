package org.steadfast.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.steadfast.common.Utc;

/**
 * {@link LoginThrottle} shared by every node through the {@code login_failure} table. Keys are
 * stored as SHA-256 hashes: the table never holds what someone typed as a login. Only sign-in
 * attempts touch it, so reading pages costs nothing; old rows are deleted as they age out.
 */
public class DatabaseLoginThrottle implements LoginThrottle {

	private final JdbcClient jdbc;
	private final int maxFailures;
	private final Duration window;
	private final Clock clock;

	public DatabaseLoginThrottle(JdbcClient jdbc, int maxFailures, Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Duration waitFor(String key) {
		return waitFor(hash(key), clock.instant());
	}

	private Duration waitFor(String key, Instant now) {
		// The newest maxFailures failures inside the window: blocked while there are that many,
		// until the oldest of them ages out.
		List<LocalDateTime> recent = jdbc.sql("select failed_at from login_failure where key_hash = ? and failed_at > ? "
				+ "order by failed_at desc limit " + maxFailures)
				.params(key, Utc.of(now.minus(window)))
				.query(LocalDateTime.class)
				.list();
		if (recent.size() < maxFailures) {
			return Duration.ZERO;
		}
		Instant oldest = Utc.instant(recent.get(recent.size() - 1));
		Duration wait = Duration.between(now, oldest.plus(window));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	@Override
	public void failed(String... keys) {
		Instant now = clock.instant();
		if (keys.length > 0) {
			List<Object> params = new ArrayList<>();
			for (String key : keys) {
				params.add(hash(key));
				params.add(Utc.of(now));
			}
			jdbc.sql("insert into login_failure (key_hash, failed_at) values "
					+ String.join(", ", Collections.nCopies(keys.length, "(?, ?)")))
					.params(params).update();
		}
		// Keep the table as small as the window: rows older than it count for nothing.
		forgetOlderThan(jdbc, now.minus(window));
	}

	/** Deletes the failures before {@code cutoff}; returns how many. */
	static int forgetOlderThan(JdbcClient jdbc, Instant cutoff) {
		return jdbc.sql("delete from login_failure where failed_at < ?").param(Utc.of(cutoff)).update();
	}

	@Override
	public void clear(String key) {
		jdbc.sql("delete from login_failure where key_hash = ?").param(hash(key)).update();
	}

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
