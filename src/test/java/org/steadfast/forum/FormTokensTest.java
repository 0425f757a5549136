package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormTokensTest {

	private final ForumProperties properties = new ForumProperties();

	@Test
	void aTokenIsValidForItsMemberOnly() {
		var tokens = new FormTokens(properties, Clock.systemUTC());
		String token = tokens.issue(42);
		assertThat(tokens.isValid(token, 42)).isTrue();
		assertThat(tokens.isValid(token, 43)).isFalse();
	}

	@Test
	void tamperedOrForeignTokensAreRefused() {
		var tokens = new FormTokens(properties, Clock.systemUTC());
		String token = tokens.issue(42);
		assertThat(tokens.isValid(token.replaceFirst("^42", "43"), 43)).isFalse();
		assertThat(tokens.isValid(token.substring(0, token.length() - 2) + "xx", 42)).isFalse();
		assertThat(tokens.isValid(new FormTokens(properties, Clock.systemUTC()).issue(42), 42)).isFalse();
		assertThat(tokens.isValid(null, 42)).isFalse();
		assertThat(tokens.isValid("garbage", 42)).isFalse();
		assertThat(tokens.isValid("a.b.c.d", 42)).isFalse();
	}

	@Test
	void tokensExpire() {
		Instant start = Instant.parse("2026-11-25T10:00:00Z");
		properties.setFormTokenSecret("fixed secret for the test");
		String token = new FormTokens(properties, Clock.fixed(start, ZoneOffset.UTC)).issue(7);
		var later = new FormTokens(properties, Clock.fixed(start.plus(Duration.ofDays(2)).plusSeconds(1), ZoneOffset.UTC));
		assertThat(later.isValid(token, 7)).isFalse();
		var soon = new FormTokens(properties, Clock.fixed(start.plus(Duration.ofHours(3)), ZoneOffset.UTC));
		assertThat(soon.isValid(token, 7)).isTrue();
	}

	@Test
	void onlyAHashOfTheTokenIsStored() {
		String token = new FormTokens(properties, Clock.systemUTC()).issue(1);
		assertThat(FormTokens.hash(token)).hasSize(64).doesNotContain(token);
	}
}
