package org.steadfast.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Links;
import org.steadfast.notifications.DigestPartnerSource;
import org.steadfast.notifications.OutgoingMail;
import org.steadfast.plans.Streaks;

/**
 * Writes the email digests that are due. It walks the subscribers in batches by id (never
 * loading everyone), decides in Java who is due from their time zone and chosen hour, and for
 * each batch, in one transaction, claims the member's period (a unique row per member and
 * period), composes from a handful of set-based queries, and writes the mail to the outbox.
 * A run that dies half-way leaves whole batches done or not done; the next run does the rest,
 * and a second run in the same period finds every claim taken. ShedLock keeps it to one node.
 *
 * <p>The cost of a run grows with its readers only through work that must be per reader:
 * about a dozen statements per batch (one per kind of content, whatever the batch size), the
 * two template parts, and one outbox row each, written in JDBC batches. What is shared (the
 * week's helpful advice, the unanswered topics) is queried once per run and rendered once per
 * distinct selection; each reader's selection still leaves out their own topics and those of
 * members either of them blocked. The batches' transactions are named after this module, so
 * they leave the guest page cache alone. Memory is that of one batch.
 *
 * <p>A digest is only mailed when it has something new for the reader (replies in topics they
 * follow, including their plan, or their partner's check-ins); the period is claimed either way,
 * so the decision is made once, at the reader's hour.
 */
@Component
public class DigestJob {

	private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

	/** Topics and items listed per section, so a busy week stays a short mail. */
	static final int PER_SECTION = 5;

	/** How late after the reader's hour a digest may still go out. */
	static final int CATCH_UP_HOURS = 3;

	public record Result(int subscribers, int due, int sent, int nothingNew) {
	}

	record Reader(long id, String digest, int hour, String token, Instant lastDigestAt, ZoneId zone, String periodKey) {

		Instant since(Instant now) {
			if (lastDigestAt != null) {
				return lastDigestAt;
			}
			return now.minus("DAILY".equals(digest) ? Duration.ofDays(1) : Duration.ofDays(7));
		}
	}

	public record TopicLine(String title, String url, int count) {
	}

	public record PartnerLine(String name, String url, int checkIns, int kept) {
	}

	public record PlanLine(long day, Integer nextMilestone, Long daysToGo, String url) {
	}

	private record CommunityTopic(long id, String title, String slug, long authorId) {
	}

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final Mailer mailer;
	private final org.steadfast.notifications.MailOutbox outbox;
	private final ObjectProvider<DigestPartnerSource> partners;
	private final Clock clock;
	private final int batchSize;

	DigestJob(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template,
			org.springframework.transaction.PlatformTransactionManager transactionManager,
			Mailer mailer, org.steadfast.notifications.MailOutbox outbox, ObjectProvider<DigestPartnerSource> partners,
			Clock clock, @Value("${steadfast.digest.batch-size:500}") int batchSize) {
		this.jdbc = jdbc;
		this.template = template;
		this.outbox = outbox;
		// Named after this module: its writes (claims, outbox rows) show on no guest page, so the
		// guest page cache keeps its pages while the digest runs (AnonymousPageCache).
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setName(DigestJob.class.getName() + ".writeBatch");
		this.mailer = mailer;
		this.partners = partners;
		this.clock = clock;
		this.batchSize = batchSize;
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
	public Result runAt(Instant now, int batchSize, java.util.function.LongConsumer beforeMailing) {
		Community community = new Community(helpful(now), unanswered(now));
		long after = 0;
		int subscribers = 0;
		int due = 0;
		int[] written = new int[2];
		while (true) {
			List<Reader> batch = subscribers(after, now, batchSize);
			if (batch.isEmpty()) {
				break;
			}
			subscribers += batch.size();
			after = batch.get(batch.size() - 1).id();
			List<Reader> dueNow = batch.stream().filter(r -> r.periodKey() != null).toList();
			dueNow = unclaimed(dueNow);
			due += dueNow.size();
			if (!dueNow.isEmpty()) {
				List<Reader> readers = dueNow;
				int[] counts = transactions.execute(status -> writeBatch(readers, now, community, beforeMailing));
				written[0] += counts[0];
				written[1] += counts[1];
			}
		}
		return new Result(subscribers, due, written[0], written[1]);
	}

	/** Subscribed, confirmed, not suspended or banned; the period key is null when it is not their hour yet. */
	private List<Reader> subscribers(long after, Instant now, int batchSize) {
		return jdbc.sql("""
				select s.member_id, s.digest, s.digest_hour, s.unsubscribe_token, s.last_digest_at, m.time_zone
				from mail_setting s join member m on m.id = s.member_id
				where s.digest <> 'OFF' and s.member_id > ? and m.email_verified = true
				  and (m.suspended_until is null or m.suspended_until <= ?)
				order by s.member_id limit ?""")
				.params(after, utc(now), batchSize)
				.query((rs, n) -> {
					String digest = rs.getString(2);
					int hour = rs.getInt(3);
					ZoneId zone = ZoneId.of(rs.getString(6));
					return new Reader(rs.getLong(1), digest, hour, rs.getString(4), ForumQueries.instant(rs, "last_digest_at"),
							zone, periodKey(digest, hour, now.atZone(zone)));
				})
				.list();
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
		if (!"DAILY".equals(digest) && local.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
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

	private int[] writeBatch(List<Reader> claimed, Instant now, Community community,
			java.util.function.LongConsumer beforeMailing) {
		// Claimed together: a period someone else claimed meanwhile fails the insert and rolls back
		// the whole batch (nothing written twice); the next run leaves that member out.
		template.batchUpdate("insert into digest_sent (member_id, period_key, created_at) values (?, ?, ?)",
				claimed.stream().map(r -> new Object[] { r.id(), r.periodKey(), utc(now) }).toList());
		List<Long> ids = ids(claimed);
		Map<Long, List<TopicLine>> replies = replies(ids, now);
		Map<Long, PartnerLine> partnerLines = partnerLines(claimed, now);
		Map<Long, PlanLine> plans = plans(claimed, now);
		Map<Long, Set<Long>> hidden = blocks(ids);
		Map<Long, Mailer.Recipient> recipients = mailer.recipients(ids);
		List<OutgoingMail> mails = new ArrayList<>();
		List<Long> mailed = new ArrayList<>();
		int empty = 0;
		for (Reader reader : claimed) {
			List<TopicLine> topicLines = replies.getOrDefault(reader.id(), List.of());
			PartnerLine partner = partnerLines.get(reader.id());
			Mailer.Recipient recipient = recipients.get(reader.id());
			if ((topicLines.isEmpty() && partner == null) || recipient == null) {
				empty++;
				continue;
			}
			beforeMailing.accept(reader.id());
			Set<Long> hide = hidden.getOrDefault(reader.id(), Set.of());
			int count = topicLines.stream().mapToInt(TopicLine::count).sum();
			Map<String, Object> model = new HashMap<>();
			model.put("replies", topicLines);
			model.put("replyCount", count);
			model.put("partner", partner);
			model.put("plan", plans.get(reader.id()));
			model.put("community", community.sectionsFor(reader.id(), hide));
			model.put("weekly", "WEEKLY".equals(reader.digest()));
			mailer.compose(recipient, "DIGEST", "digest", "mail.digest.subject",
					"WEEKLY".equals(reader.digest()) ? "mail.digest.subjectWeekly" : "mail.digest.subjectDaily",
					new Object[] { count }, model, mailer.link("/unsubscribe/" + reader.token()),
					"digest:" + reader.id() + ":" + reader.periodKey())
					.ifPresent(mail -> {
						mails.add(mail);
						mailed.add(reader.id());
					});
		}
		outbox.enqueueAll(mails);
		if (!mailed.isEmpty()) {
			jdbc.sql("update mail_setting set last_digest_at = :now where member_id in (:ids)")
					.param("now", utc(now)).param("ids", mailed).update();
		}
		return new int[] { mails.size(), empty };
	}

	/**
	 * New replies by others in topics each reader follows, that the reader may see now. The posts
	 * come from {@code ix_post_topic_created} alone (V11): only those since the last digest.
	 */
	private Map<Long, List<TopicLine>> replies(List<Long> ids, Instant now) {
		Map<Long, List<TopicLine>> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select f.member_id, t.id, t.title, t.slug, count(*) as replies
				from topic_follow f
				join mail_setting s on s.member_id = f.member_id
				join topic t on t.id = f.topic_id
				join post p on p.topic_id = t.id
				where f.member_id in (:ids)
				  and p.created_at > coalesce(s.last_digest_at, case when s.digest = 'DAILY' then :day else :week end)
				  and p.created_at <= :now
				  and p.author_id <> f.member_id and p.status = 'VISIBLE' and t.status = 'VISIBLE'
				  and (t.visibility in ('PUBLIC', 'MEMBERS') or t.author_id = f.member_id)
				  and not exists (select 1 from member_block b where b.blocker_id = f.member_id and b.blocked_id = p.author_id)
				  and not exists (select 1 from member_block b where b.blocker_id = p.author_id and b.blocked_id = f.member_id)
				group by f.member_id, t.id, t.title, t.slug
				order by f.member_id, count(*) desc, t.id""")
				.param("ids", ids)
				.param("day", utc(now.minus(Duration.ofDays(1))))
				.param("week", utc(now.minus(Duration.ofDays(7))))
				.param("now", utc(now))
				.query((rs, n) -> {
					List<TopicLine> list = lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
					if (list.size() < PER_SECTION) {
						list.add(new TopicLine(rs.getString(3), mailer.link(Links.topic(rs.getLong(2), rs.getString(4))),
								rs.getInt(5)));
					}
					return null;
				})
				.list();
		return lines;
	}

	/** The partner's check-ins since the reader's last digest, when the partners module says who the partner is. */
	private Map<Long, PartnerLine> partnerLines(List<Reader> readers, Instant now) {
		DigestPartnerSource source = partners.getIfAvailable();
		if (source == null) {
			return Map.of();
		}
		Map<Long, Long> partnerOf = source.partnersOf(ids(readers));
		if (partnerOf.isEmpty()) {
			return Map.of();
		}
		Instant earliest = readers.stream().map(r -> r.since(now)).min(Instant::compareTo).orElse(now);
		record CheckIn(long memberId, String name, long topicId, String slug, Instant at, boolean kept) {
		}
		List<CheckIn> checkIns = jdbc.sql("""
				select pl.member_id, m.display_name, t.id, t.slug, p.created_at, c.kept_no_contact
				from plan pl join topic t on t.id = pl.topic_id join post p on p.topic_id = t.id
				join check_in c on c.post_id = p.id join member m on m.id = pl.member_id
				where pl.member_id in (:partners) and pl.status = 'ACTIVE'
				  and p.created_at > :since and p.created_at <= :now and p.status = 'VISIBLE' and t.status = 'VISIBLE'
				  and t.visibility in ('PUBLIC', 'MEMBERS', 'PARTNER')""")
				.param("partners", new HashSet<>(partnerOf.values()))
				.param("since", utc(earliest)).param("now", utc(now))
				.query((rs, n) -> new CheckIn(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						ForumQueries.instant(rs, "created_at"), rs.getBoolean(6)))
				.list();
		Map<Long, PartnerLine> lines = new HashMap<>();
		for (Reader reader : readers) {
			Long partner = partnerOf.get(reader.id());
			if (partner == null) {
				continue;
			}
			List<CheckIn> theirs = checkIns.stream()
					.filter(c -> c.memberId() == partner && c.at().isAfter(reader.since(now))).toList();
			if (!theirs.isEmpty()) {
				CheckIn first = theirs.get(0);
				lines.put(reader.id(), new PartnerLine(first.name(), mailer.link(Links.plan(first.topicId())),
						theirs.size(), (int) theirs.stream().filter(CheckIn::kept).count()));
			}
		}
		return lines;
	}

	/** Each reader's own day counter and next milestone, from their active plan. */
	private Map<Long, PlanLine> plans(List<Reader> readers, Instant now) {
		Map<Long, Reader> byId = readers.stream().collect(Collectors.toMap(Reader::id, r -> r));
		record Plan(long id, long memberId, long topicId, LocalDate start) {
		}
		List<Plan> plans = jdbc.sql("select id, member_id, topic_id, start_date from plan where member_id in (:ids) and status = 'ACTIVE'")
				.param("ids", byId.keySet())
				.query((rs, n) -> new Plan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
				.list();
		if (plans.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<LocalDate>> slips = new HashMap<>();
		jdbc.sql("select plan_id, on_day from plan_slip where plan_id in (:plans)")
				.param("plans", plans.stream().map(Plan::id).toList())
				.query((rs, n) -> slips.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class)))
				.list();
		Map<Long, PlanLine> lines = new HashMap<>();
		for (Plan plan : plans) {
			LocalDate today = now.atZone(byId.get(plan.memberId()).zone()).toLocalDate();
			if (plan.start().isAfter(today)) {
				continue;
			}
			Streaks streaks = Streaks.of(plan.start(), slips.getOrDefault(plan.id(), List.of()), today);
			Optional<Integer> next = streaks.nextMilestone();
			lines.put(plan.memberId(), new PlanLine(streaks.dayNumber(), next.orElse(null),
					next.map(m -> m - streaks.dayNumber()).orElse(null), mailer.link(Links.plan(plan.topicId()))));
		}
		return lines;
	}

	/** Members each reader blocked or was blocked by, whose topics the community sections leave out. */
	private Map<Long, Set<Long>> blocks(List<Long> ids) {
		Map<Long, Set<Long>> hidden = new HashMap<>();
		Set<Long> readers = new HashSet<>(ids);
		// Two index lookups rather than one OR, which would read the whole table.
		jdbc.sql("""
				select blocker_id, blocked_id from member_block where blocker_id in (:ids)
				union all
				select blocker_id, blocked_id from member_block where blocked_id in (:ids)""")
				.param("ids", ids)
				.query((rs, n) -> {
					long blocker = rs.getLong(1);
					long blocked = rs.getLong(2);
					if (readers.contains(blocker)) {
						hidden.computeIfAbsent(blocker, k -> new HashSet<>()).add(blocked);
					}
					if (readers.contains(blocked)) {
						hidden.computeIfAbsent(blocked, k -> new HashSet<>()).add(blocker);
					}
					return null;
				})
				.list();
		return hidden;
	}

	/** The week's advice threads where someone marked the reply that helped, most discussed first. */
	private List<CommunityTopic> helpful(Instant now) {
		return jdbc.sql("""
				select t.id, t.title, t.slug, t.author_id from topic t join category c on c.id = t.category_id
				where c.advice = true and t.helpful_post_id is not null and t.status = 'VISIBLE' and t.visibility = 'PUBLIC'
				  and t.last_posted_at > ? and t.created_at <= ?
				order by t.reply_count desc, t.id desc limit 20""")
				.params(utc(now.minus(Duration.ofDays(7))), utc(now))
				.query((rs, n) -> new CommunityTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
				.list();
	}

	/** Recent public topics nobody has answered yet. */
	private List<CommunityTopic> unanswered(Instant now) {
		return jdbc.sql("""
				select t.id, t.title, t.slug, t.author_id from topic t
				where t.status = 'VISIBLE' and t.visibility = 'PUBLIC' and t.kind = 'DISCUSSION' and t.reply_count = 0
				  and t.created_at > ? and t.created_at <= ?
				order by t.created_at desc, t.id desc limit 20""")
				.params(utc(now.minus(Duration.ofDays(3))), utc(now))
				.query((rs, n) -> new CommunityTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
				.list();
	}

	/**
	 * The week's helpful advice and the topics waiting for an answer: chosen once per run, then
	 * filtered for each reader (never their own topics, nor those of members either of them
	 * blocked). Most readers get the same few topics, so each distinct pair of sections is
	 * rendered once and the parts reused; the memo is bounded, so memory stays constant.
	 */
	private final class Community {

		private static final int MEMO = 256;

		private final List<CommunityTopic> helpful;
		private final List<CommunityTopic> unanswered;
		private final Map<List<List<TopicLine>>, MailTemplates.Parts> rendered = new HashMap<>();

		Community(List<CommunityTopic> helpful, List<CommunityTopic> unanswered) {
			this.helpful = helpful;
			this.unanswered = unanswered;
		}

		MailTemplates.Parts sectionsFor(long readerId, Set<Long> hidden) {
			List<TopicLine> helpfulLines = lines(helpful, readerId, hidden);
			List<TopicLine> unansweredLines = lines(unanswered, readerId, hidden);
			List<List<TopicLine>> key = List.of(helpfulLines, unansweredLines);
			MailTemplates.Parts parts = rendered.get(key);
			if (parts == null) {
				if (rendered.size() >= MEMO) {
					rendered.clear();
				}
				parts = mailer.templates().render("digest-community",
						Map.of("helpful", helpfulLines, "unanswered", unansweredLines));
				rendered.put(key, parts);
			}
			return parts;
		}

		private List<TopicLine> lines(List<CommunityTopic> topics, long readerId, Set<Long> hidden) {
			return topics.stream()
					.filter(t -> t.authorId() != readerId && !hidden.contains(t.authorId()))
					.limit(3)
					.map(t -> new TopicLine(t.title(), mailer.link(Links.topic(t.id(), t.slug())), 0))
					.toList();
		}
	}

	private static List<Long> ids(Collection<Reader> readers) {
		return readers.stream().map(Reader::id).toList();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
