package org.steadfast.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.steadfast.common.Utc;
import org.steadfast.support.IntegrationTest;

@IntegrationTest
class HousekeepingH2IT {

	@Autowired
	Housekeeping housekeeping;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Clock clock;

	@Test
	void eachModulesOldRowsAreRemovedAndTheRecentOnesKept() {
		Instant now = clock.instant();
		rememberMe("hk-old", now.minus(Duration.ofDays(31)));
		rememberMe("hk-new", now.minus(Duration.ofDays(1)));
		failure("hk-old", now.minus(Duration.ofHours(1)));
		failure("hk-new", now);
		run("hk-old", now.minus(Duration.ofDays(31)));
		run("hk-new", now.minus(Duration.ofDays(1)));

		String outcome = housekeeping.clean();

		assertThat(outcome).contains("remember-me tokens", "failed sign-ins", "job records");
		assertThat(jdbc.sql("select series from persistent_logins where series like 'hk-%'").query(String.class).list())
				.containsExactly("hk-new");
		assertThat(jdbc.sql("select trim(key_hash) from login_failure where key_hash like 'hk-%'").query(String.class).list())
				.containsExactly("hk-new");
		assertThat(jdbc.sql("select job from job_run where job like 'hk-%'").query(String.class).list())
				.containsExactly("hk-new");
	}

	private void rememberMe(String series, Instant lastUsed) {
		jdbc.sql("insert into persistent_logins (username, series, token, last_used) values (?, ?, ?, ?)")
				.params("housekeeping", series, "token", Utc.of(lastUsed)).update();
	}

	private void failure(String key, Instant at) {
		jdbc.sql("insert into login_failure (key_hash, failed_at) values (?, ?)").params(key, Utc.of(at)).update();
	}

	private void run(String job, Instant startedAt) {
		jdbc.sql("insert into job_run (job, node, started_at) values (?, 'test', ?)").params(job, Utc.of(startedAt))
				.update();
	}
}
