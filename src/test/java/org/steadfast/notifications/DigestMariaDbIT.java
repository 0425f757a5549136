package org.steadfast.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.notifications.MailSettings.Digest;
import org.steadfast.notifications.internal.DigestJob;
import org.steadfast.support.MariaDbTest;

@MariaDbTest
class DigestMariaDbIT extends DigestScenarios {

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	/** What one node's lock provider is, as SchedulingConfig builds it: rows in {@code shedlock}, kept alive by one thread. */
	private record Node(LockProvider locks, ScheduledExecutorService keepAlive) {

		static Node start(DataSource dataSource) {
			ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
			return new Node(new KeepAliveLockProvider(rows(dataSource), keepAlive), keepAlive);
		}

		static JdbcTemplateLockProvider rows(DataSource dataSource) {
			return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
		}

		Optional<SimpleLock> lock(String name, Duration atMost) {
			return locks.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
		}
	}

	/**
	 * The application's lock provider extends the lock of a job that is still running: held for
	 * longer than its 30 s {@code lockAtMostFor}, it is never taken by another node meanwhile.
	 */
	@Test
	void aRunningJobKeepsItsLockPastLockAtMostFor() {
		Duration atMost = Duration.ofSeconds(30);
		String name = "digest-keep-alive-" + UUID.randomUUID().toString().substring(0, 8);
		JdbcTemplateLockProvider otherNode = Node.rows(dataSource);
		LockConfiguration config = new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO);
		SimpleLock held = locks.lock(config).orElseThrow();
		long start = System.nanoTime();
		while (elapsed(start).compareTo(Duration.ofSeconds(36)) < 0) {
			assertThat(otherNode.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO)))
					.as("another node takes a running job's lock after %s", elapsed(start)).isEmpty();
			sleep(500);
		}
		held.unlock();
		assertThat(otherNode.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO))).isPresent();
	}

	/** The digest's own lock lapses in minutes after a crash, not half an hour. */
	@Test
	void theDigestLockOfACrashedNodeLapsesWithinMinutes() throws Exception {
		SchedulerLock lock = DigestJob.class.getMethod("run").getAnnotation(SchedulerLock.class);
		Duration atMost = DurationFormatterUtils.detectAndParse(environment.resolveRequiredPlaceholders(lock.lockAtMostFor()));
		assertThat(atMost).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(5));
	}

	/**
	 * Two nodes share the digest lock with the 30 s {@code lockAtMostFor} a cluster may use. Node A
	 * runs a slow digest (one reader per batch) for longer than 30 s: its keep-alive extends the lock,
	 * so node B, trying every half second, never gets it meanwhile. Then A dies mid-run (its
	 * keep-alive stops, the open batch rolls back, nothing is unlocked): B gets the lock within
	 * 30 s and its run sends the rest, each reader's digest exactly once.
	 */
	@Test
	void aNodeThatDiesMidDigestHandsTheLockOverWithinLockAtMostForAndNothingIsSentTwice() throws Exception {
		Duration atMost = Duration.ofSeconds(30);
		String name = "digest-handover-" + UUID.randomUUID().toString().substring(0, 8);
		List<MemberPrincipal> readers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			readers.add(reader("Asia/Tokyo", Digest.DAILY, 9));
		}
		Instant now = Instant.parse("2027-08-02T00:10:00Z");
		Node a = Node.start(dataSource);
		Node b = Node.start(dataSource);
		try {
			AtomicBoolean dead = new AtomicBoolean();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			assertThat(a.lock(name, atMost)).isPresent();
			Thread runOnA = new Thread(() -> {
				try {
					digest.runAt(now, 1, id -> {
						for (int i = 0; i < 15; i++) {
							if (dead.get()) {
								throw new IllegalStateException("node A dies here");
							}
							sleep(100);
						}
					});
					failure.set(new AssertionError("the run on A ended before it was killed"));
				}
				catch (IllegalStateException e) {
					// as if the process died: the batch open at that moment rolls back
				}
				catch (Throwable e) {
					failure.set(e);
				}
			});
			long start = System.nanoTime();
			runOnA.start();
			while (elapsed(start).compareTo(Duration.ofSeconds(38)) < 0) {
				assertThat(b.lock(name, atMost)).as("node B takes the lock while A is still running, after %s", elapsed(start))
						.isEmpty();
				sleep(500);
			}
			assertThat(runOnA.isAlive()).as("A still running after 38 s").isTrue();

			// Node A is killed: no more keep-alive, the open batch rolls back, the lock is never released.
			a.keepAlive().shutdownNow();
			dead.set(true);
			runOnA.join(10_000);
			assertThat(failure.get()).isNull();
			int sentByA = readers.stream().mapToInt(this::digests).sum();
			assertThat(sentByA).as("A sent some digests, not all").isBetween(10, readers.size() - 1);

			long killed = System.nanoTime();
			Optional<SimpleLock> taken = Optional.empty();
			while (taken.isEmpty() && elapsed(killed).compareTo(Duration.ofSeconds(45)) < 0) {
				taken = b.lock(name, atMost);
				if (taken.isEmpty()) {
					sleep(500);
				}
			}
			Duration handOver = elapsed(killed);
			assertThat(taken).as("node B gets the dead node's lock").isPresent();
			assertThat(handOver).as("within lockAtMostFor of A's death").isLessThanOrEqualTo(Duration.ofSeconds(32));
			System.out.printf("digest lock handed over %s after node A died (A had sent %d of %d)%n", handOver, sentByA,
					readers.size());
			digest.runAt(now, 1, id -> {
			});
			taken.get().unlock();
			assertThat(readers).allSatisfy(r -> assertThat(digests(r)).as("digests of member %d", r.id()).isEqualTo(1));
			assertThat(jdbc.queryForList("select idempotency_key from mail_outbox where kind = 'DIGEST' "
					+ "group by idempotency_key having count(*) > 1", String.class)).isEmpty();
		}
		finally {
			a.keepAlive().shutdownNow();
			b.keepAlive().shutdownNow();
		}
	}

	private static Duration elapsed(long since) {
		return Duration.ofNanos(System.nanoTime() - since);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
