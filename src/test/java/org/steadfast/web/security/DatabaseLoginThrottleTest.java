package org.steadfast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared throttle, on a database of its own holding the table as the migration creates it. */
class DatabaseLoginThrottleTest extends LoginThrottleContract {

	private JdbcClient jdbc;

	@Override
	LoginThrottle create(int maxFailures, Duration window, Clock clock) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				CREATE TABLE login_failure (
				    id        BIGINT      NOT NULL AUTO_INCREMENT,
				    key_hash  CHAR(64)    NOT NULL,
				    failed_at DATETIME(6) NOT NULL,
				    CONSTRAINT pk_login_failure PRIMARY KEY (id))""").update();
		return new DatabaseLoginThrottle(jdbc, maxFailures, window, clock);
	}

	@Test
	void twoNodesCountTogether() {
		LoginThrottle otherNode = new DatabaseLoginThrottle(jdbc, 5, Duration.ofMinutes(5), clock);
		for (int i = 0; i < 3; i++) {
			throttle.failed("hope", "10.1.0." + i);
		}
		otherNode.failed("hope", "10.1.0.3");
		otherNode.failed("hope", "10.1.0.4");
		assertThat(throttle.isBlocked("hope", "10.1.0.99")).isTrue();
		assertThat(otherNode.isBlocked("hope", "10.1.0.99")).isTrue();
	}

	@Test
	void theTableNeverHoldsWhatWasTyped() {
		throttle.failed("my.secret.login@example.org", "203.0.113.7");
		assertThat(jdbc.sql("select key_hash from login_failure").query(String.class).list())
				.hasSize(2)
				.allSatisfy(k -> assertThat(k).hasSize(64).doesNotContain("secret").doesNotContain("203.0"));
	}
}
