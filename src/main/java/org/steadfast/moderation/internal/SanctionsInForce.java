package org.steadfast.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steadfast.common.Utc;
import org.steadfast.moderation.ModerationProperties;
import org.steadfast.moderation.SanctionKind;

/**
 * The sanctions that restrict writing (silence, suspension, ban), held in memory so that every
 * request can be checked without a statement: the signed-in pages keep their statement counts.
 * The whole set is small (only members sanctioned right now) and is read again in the background
 * once it is older than {@code steadfast.moderation.sanction-refresh}; the node that applies or
 * lifts a sanction reads it again at once, after its commit.
 */
@Component
public class SanctionsInForce implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SanctionsInForce.class);

	record Active(SanctionKind kind, Instant endsAt) {
	}

	private record Snapshot(Map<Long, List<Active>> byMember, long loadedAtNanos) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final long refreshNanos;
	private final AtomicReference<Snapshot> current = new AtomicReference<>();
	private final AtomicBoolean refreshing = new AtomicBoolean();
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "sanctions-refresh");
		t.setDaemon(true);
		return t;
	});

	SanctionsInForce(JdbcClient jdbc, Clock clock, ModerationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refreshNanos = properties.getSanctionRefresh().toNanos();
	}

	/** The strongest sanction that restricts this member now, if any (warnings never do). */
	public Optional<SanctionKind> of(long memberId) {
		Snapshot snapshot = current.get();
		if (snapshot == null) {
			snapshot = reload();
		}
		else if (System.nanoTime() - snapshot.loadedAtNanos() > refreshNanos) {
			refreshInBackground(snapshot);
		}
		Instant now = clock.instant();
		return snapshot.byMember().getOrDefault(memberId, List.of()).stream()
				.filter(a -> a.endsAt() == null || a.endsAt().isAfter(now))
				.map(Active::kind)
				.max(Enum::compareTo);
	}

	/** Reads them once at start, so that no member's request pays for the first read. */
	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		try {
			reload();
		}
		catch (RuntimeException e) {
			log.warn("Could not read the sanctions in force at start; the first request will: {}", e.toString());
		}
	}

	/** Reads the sanctions again once the current transaction commits (at once without one). */
	public void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reload();
				}
			});
		}
		else {
			reload();
		}
	}

	/** Reads every sanction in force; a newer read that started later always wins. */
	Snapshot reload() {
		long started = System.nanoTime();
		LocalDateTime now = Utc.of(clock.instant());
		Map<Long, List<Active>> byMember = new HashMap<>();
		jdbc.sql("""
				select member_id, kind, ends_at from sanction
				where lifted_at is null and kind <> 'WARN' and starts_at <= ? and (ends_at is null or ends_at > ?)""")
				.params(now, now)
				.query(rs -> {
					LocalDateTime ends = rs.getObject("ends_at", LocalDateTime.class);
					byMember.computeIfAbsent(rs.getLong("member_id"), id -> new ArrayList<>())
							.add(new Active(SanctionKind.valueOf(rs.getString("kind")),
									Utc.instant(ends)));
				});
		Snapshot fresh = new Snapshot(Map.copyOf(byMember), started);
		current.accumulateAndGet(fresh, (old, next) -> old == null || next.loadedAtNanos() - old.loadedAtNanos() >= 0 ? next : old);
		return current.get();
	}

	private void refreshInBackground(Snapshot seen) {
		if (!refreshing.compareAndSet(false, true)) {
			return;
		}
		try {
			background.execute(() -> {
				try {
					if (current.get() == seen) {
						reload();
					}
				}
				catch (RuntimeException e) {
					// The database is away: keep the last known sanctions and try again on a later request.
					log.debug("Could not read the sanctions in force: {}", e.toString());
				}
				finally {
					refreshing.set(false);
				}
			});
		}
		catch (RuntimeException e) {
			refreshing.set(false);
		}
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}
}
