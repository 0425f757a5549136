package org.steadfast.notifications.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.accounts.MemberDirectory;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Utc;
import org.steadfast.notifications.MailOutbox;
import org.steadfast.notifications.OutgoingMail;

/**
 * Writes the email digests that are due. It walks the subscribers in batches by id (never
 * loading everyone), decides in Java who is due from their time zone and chosen hour, and for
 * each batch, in one transaction, claims the member's period (a unique row per member and
 * period), composes each digest ({@link DigestContent}) and writes the mail to the outbox.
 * A run that dies half-way leaves whole batches done or not done; the next run does the rest,
 * and a second run in the same period finds every claim taken. ShedLock keeps it to one node.
 *
 * <p>The cost of a run grows with its readers only through work that must be per reader:
 * about a dozen statements per batch (one per kind of content, whatever the batch size), the
 * two template parts, and one outbox row each, written in JDBC batches. What is shared (the
 * week's helpful advice, the unanswered topics) is queried once per run and rendered once per
 * distinct selection. The batches' transactions are named after this module, so they leave the
 * guest page cache alone. Memory is that of one batch.
 *
 * <p>A digest is only mailed when it has something new for the reader (replies in topics they
 * follow, including their plan, or their partner's check-ins); the period is claimed either way,
 * so the decision is made once, at the reader's hour.
 */
@PrivateWrite
@Component
public class DigestJob {

	private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

	/** How late after the reader's hour a digest may still go out. */
	static final int CATCH_UP_HOURS = 3;

	public record Result(int subscribers, int due, int sent, int nothingNew) {
	}

	/** A subscriber who may get a digest now; the period key is null when it is not their hour yet. */
	record Reader(long id, String digest, String token, Instant lastDigestAt, ZoneId zone, String periodKey,
			Mailer.Recipient recipient) {

		boolean weekly() {
			return "WEEKLY".equals(digest);
		}

		Instant since(Instant now) {
			if (lastDigestAt != null) {
				return lastDigestAt;
			}
			return now.minus("DAILY".equals(digest) ? Duration.ofDays(1) : Duration.ofDays(7));
		}
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final MemberDirectory directory;
	private final DigestContent content;
	private final Mailer mailer;
	private final MailOutbox outbox;
	private final Clock clock;
	private final int batchSize;

	DigestJob(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager,
			MemberDirectory directory, DigestContent content, Mailer mailer, MailOutbox outbox, Clock clock,
			DigestProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		// Named after this module: its writes (claims, outbox rows) show on no guest page, so the
		// guest page cache keeps its pages while the digest runs (AnonymousPageCache).
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setName(DigestJob.class.getName() + ".writeBatch");
		this.directory = directory;
		this.content = content;
		this.mailer = mailer;
		this.outbox = outbox;
		this.clock = clock;
		this.batchSize = properties.batchSize();
	}

	/**
	 * The lock is kept alive while the run lasts (SchedulingConfig), so {@code lockAtMostFor} is only
	 * how long a node that crashed mid-run keeps the others waiting: two minutes, then the next run
	 * on another node does the rest (whole batches are done or not; claims make a second send
	 * impossible). {@code lockAtLeastFor} stops nodes whose clocks differ a little from running the
	 * same 5-minute tick one after the other.
	 */
	@Scheduled(cron = "${steadfast.digest.cron:0 */5 * * * *}")
	@SchedulerLock(name = "digest", lockAtMostFor = "${steadfast.digest.lock-at-most:PT2M}",
			lockAtLeastFor = "${steadfast.digest.lock-at-least:PT30S}")
	public void run() {
		Result result = runAt(clock.instant());
		if (result.due() > 0) {
			log.info("Digest run: {} due, {} written, {} with nothing new", result.due(), result.sent(), result.nothingNew());
		}
	}

	/** One run as of {@code now}: everything due then, once. */
	public Result runAt(Instant now) {
		return runAt(now, batchSize, id -> {
		});
	}

	/**
	 * A run with its own batch size. {@code beforeMailing} sees each member id just before their
	 * mail is written, inside the batch's transaction; if it throws, the run stops there as if the
	 * process died (tests use it to check that a restart sends each remaining digest once).
	 */
	public Result runAt(Instant now, int batchSize, LongConsumer beforeMailing) {
		DigestContent.Community community = content.community(now);
		long after = 0;
		int subscribers = 0;
		int due = 0;
		int[] written = new int[2];
		while (true) {
			List<Row> rows = subscriptions(after, batchSize);
			if (rows.isEmpty()) {
				break;
			}
			after = rows.get(rows.size() - 1).memberId();
			List<Reader> batch = readers(rows, now);
			subscribers += batch.size();
			List<Reader> dueNow = unclaimed(batch.stream().filter(r -> r.periodKey() != null).toList());
			due += dueNow.size();
			if (!dueNow.isEmpty()) {
				int[] counts = transactions.execute(status -> writeBatch(dueNow, now, community, beforeMailing));
				written[0] += counts[0];
				written[1] += counts[1];
			}
		}
		return new Result(subscribers, due, written[0], written[1]);
	}

	private record Row(long memberId, String digest, int hour, String token, Instant lastDigestAt, boolean discreet) {
	}

	/** The next batch of digest subscriptions by member id. */
	private List<Row> subscriptions(long after, int batchSize) {
		return jdbc.sql("""
				select member_id, digest, digest_hour, unsubscribe_token, last_digest_at, discreet from mail_setting
				where digest <> 'OFF' and member_id > ? order by member_id limit ?""")
				.params(after, batchSize)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
						Utc.read(rs, "last_digest_at"), rs.getBoolean(6)))
				.list();
	}

	/** The subscribers who may get a digest: confirmed address, not suspended or banned. */
	private List<Reader> readers(List<Row> rows, Instant now) {
		Map<Long, MemberDirectory.Entry> members = directory.entries(rows.stream().map(Row::memberId).toList());
		List<Reader> readers = new ArrayList<>();
		for (Row row : rows) {
			MemberDirectory.Entry member = members.get(row.memberId());
			if (member == null || !member.emailVerified() || member.suspendedAt(now)) {
				continue;
			}
			readers.add(new Reader(row.memberId(), row.digest(), row.token(), row.lastDigestAt(), member.timeZone(),
					periodKey(row.digest(), row.hour(), now.atZone(member.timeZone())),
					Mailer.Recipient.of(member, row.discreet())));
		}
		return readers;
	}

	/**
	 * The period a digest at {@code local} belongs to, or null when it is not the reader's hour.
	 * Daily: the local date; weekly: the ISO week, on Monday. A run may come up to
	 * {@link #CATCH_UP_HOURS} late (a restart, a busy node) and still send it; later than that,
	 * the digest waits for the next period rather than arrive at an odd hour. On a day when
	 * clocks skip the reader's hour, the next hour that exists counts.
	 */
	static String periodKey(String digest, int hour, ZonedDateTime local) {
		int late = local.getHour() - hour;
		if (late < 0 || late >= CATCH_UP_HOURS) {
			return null;
		}
		if (!"DAILY".equals(digest) && local.getDayOfWeek() != DayOfWeek.MONDAY) {
			return null;
		}
		LocalDate day = local.toLocalDate();
		if ("DAILY".equals(digest)) {
			return "D" + day;
		}
		return "W" + day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}

	private List<Reader> unclaimed(List<Reader> readers) {
		if (readers.isEmpty()) {
			return readers;
		}
		Set<String> claimed = new HashSet<>(jdbc.sql("select member_id, period_key from digest_sent where member_id in (:ids)")
				.param("ids", ids(readers))
				.query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2)).list());
		return readers.stream().filter(r -> !claimed.contains(r.id() + ":" + r.periodKey())).toList();
	}

	private int[] writeBatch(List<Reader> claimed, Instant now, DigestContent.Community community,
			LongConsumer beforeMailing) {
		// Claimed together: a period someone else claimed meanwhile fails the insert and rolls back
		// the whole batch (nothing written twice); the next run leaves that member out.
		template.batchUpdate("insert into digest_sent (member_id, period_key, created_at) values (?, ?, ?)",
				claimed.stream().map(r -> new Object[] { r.id(), r.periodKey(), Utc.of(now) }).toList());
		DigestContent.Batch batch = content.batch(claimed, now, community);
		List<OutgoingMail> mails = new ArrayList<>();
		List<Long> mailed = new ArrayList<>();
		int empty = 0;
		for (Reader reader : claimed) {
			if (!batch.hasNews(reader)) {
				empty++;
				continue;
			}
			beforeMailing.accept(reader.id());
			DigestContent.Digest digest = batch.digestFor(reader);
			mailer.compose(reader.recipient(), "DIGEST", "digest", "mail.digest.subject",
					reader.weekly() ? "mail.digest.subjectWeekly" : "mail.digest.subjectDaily",
					new Object[] { digest.replyCount() }, digest.model(), mailer.link("/unsubscribe/" + reader.token()),
					"digest:" + reader.id() + ":" + reader.periodKey())
					.ifPresent(mail -> {
						mails.add(mail);
						mailed.add(reader.id());
					});
		}
		outbox.enqueueAll(mails);
		if (!mailed.isEmpty()) {
			jdbc.sql("update mail_setting set last_digest_at = :now where member_id in (:ids)")
					.param("now", Utc.of(now)).param("ids", mailed).update();
		}
		return new int[] { mails.size(), empty };
	}

	private static List<Long> ids(Collection<Reader> readers) {
		return readers.stream().map(Reader::id).toList();
	}
}
