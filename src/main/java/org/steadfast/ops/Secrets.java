package org.steadfast.ops;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Application secrets that every node must share and that must survive restarts: a configured
 * value when there is one, otherwise 32 random bytes generated once and kept in {@code app_secret}
 * (the first node to start writes it; the others, and later starts, read it).
 */
@Component
public class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Secrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String get(String name, String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return stored(name).orElseGet(() -> create(name));
	}

	private Optional<String> stored(String name) {
		return jdbc.sql("select secret from app_secret where name = ?").param(name).query(String.class).optional();
	}

	private String create(String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		try {
			jdbc.sql("insert into app_secret (name, secret, created_at) values (?, ?, ?)")
					.params(name, secret, LocalDateTime.now(ZoneOffset.UTC))
					.update();
			return secret;
		}
		catch (DuplicateKeyException e) {
			// Another node wrote it first: use theirs.
			return stored(name).orElseThrow();
		}
	}
}
