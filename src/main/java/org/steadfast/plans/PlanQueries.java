package org.steadfast.plans;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.ForumViews.Listing;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.Visibility;
import org.steadfast.plans.PlanViews.CheckInRow;
import org.steadfast.plans.PlanViews.ContactRow;
import org.steadfast.plans.PlanViews.FeedItem;
import org.steadfast.plans.PlanViews.KeyDateRow;
import org.steadfast.plans.PlanViews.PlanPage;
import org.steadfast.plans.PlanViews.PlanSummary;
import org.steadfast.plans.PlanViews.RecentCheckIn;
import org.steadfast.plans.PlanViews.SlipRow;
import org.steadfast.web.Pages;

/**
 * The read side of plans. The plan page is at most six statements however many check-ins the
 * plan has; day numbers and pictures are computed from those rows in memory. Visibility is the
 * forum's rule, applied inside each query or to the plan's topic before anything is shown.
 */
@Service
// Reads in auto-commit, without transaction-control round trips (see ForumQueries).
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class PlanQueries {

	private static final int RECENT = 7;
	private static final int FEED_PAGE = 20;

	private final JdbcClient jdbc;
	private final Clock clock;

	PlanQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record PlanRow(long id, long topicId, String slug, String title, Visibility visibility,
			ContentStatus topicStatus, PlanStatus status, long ownerId, String ownerUsername, String ownerName,
			String zoneId, String statement, LocalDate startDate, int targetDays, String reasons, String triggers,
			String instead, Instant endedAt, PlanPurpose purpose) {
	}

	/** The plan behind a topic, if this viewer may see it (otherwise empty: the page answers 404). */
	public Optional<PlanPage> page(Viewer viewer, long topicId) {
		Optional<PlanRow> found = jdbc.sql("""
				select p.id, p.topic_id, t.slug, t.title, t.visibility, t.status as topic_status, p.status, p.member_id,
				       m.username, m.display_name, m.time_zone, p.statement, p.start_date, p.target_days, p.reasons,
				       p.triggers, p.instead, p.ended_at, p.purpose
				from plan p join topic t on t.id = p.topic_id join member m on m.id = p.member_id
				where p.topic_id = ?""")
				.param(topicId)
				.query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getLong("topic_id"), rs.getString("slug"),
						rs.getString("title"), Visibility.valueOf(rs.getString("visibility")),
						ContentStatus.valueOf(rs.getString("topic_status")), PlanStatus.valueOf(rs.getString("status")),
						rs.getLong("member_id"), rs.getString("username"), rs.getString("display_name"),
						rs.getString("time_zone"), rs.getString("statement"), rs.getObject("start_date", LocalDate.class),
						rs.getInt("target_days"), rs.getString("reasons"), rs.getString("triggers"), rs.getString("instead"),
						Utc.read(rs, "ended_at"), PlanPurpose.valueOf(rs.getString("purpose"))))
				.optional()
				.filter(p -> viewer.canRead(p.ownerId(), p.visibility(), p.topicStatus()));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PlanRow plan = found.get();
		boolean owner = viewer.is(plan.ownerId());
		List<SlipRow> slips = jdbc.sql("select id, on_day, kind, initiated_by, note, shared from plan_slip where plan_id = ? order by on_day, id")
				.param(plan.id())
				.query((rs, n) -> slip(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBoolean(6), owner))
				.list();
		List<CheckInRow> checkIns = jdbc.sql("""
				select c.post_id, c.on_day, c.kept_no_contact, c.mood, c.urge from check_in c join post p on p.id = c.post_id
				where c.plan_id = ? and p.status = 'VISIBLE' order by c.on_day""")
				.param(plan.id())
				.query((rs, n) -> new CheckInRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
						rs.getInt(4), rs.getInt(5)))
				.list();
		List<RecentCheckIn> recent = jdbc.sql("""
				select c.post_id, p.number, c.on_day, c.kept_no_contact, c.mood, c.urge, p.html
				from check_in c join post p on p.id = c.post_id
				where c.plan_id = ? and p.status = 'VISIBLE' order by c.on_day desc limit ?""")
				.params(plan.id(), RECENT)
				.query((rs, n) -> new RecentCheckIn(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
						rs.getBoolean(4), rs.getInt(5), rs.getInt(6), rs.getString(7)))
				.list();
		List<KeyDateRow> keyDates = jdbc.sql("select on_day, label, note from plan_key_date where plan_id = ? order by on_day, id")
				.param(plan.id())
				.query((rs, n) -> new KeyDateRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
				.list();
		List<ContactRow> contacts = !owner ? List.of() : jdbc.sql("""
				select on_day, channel, offered, response from plan_contact where plan_id = ? order by on_day desc, id desc""")
				.param(plan.id())
				.query((rs, n) -> new ContactRow(rs.getObject(1, LocalDate.class), ContactChannel.valueOf(rs.getString(2)),
						rs.getString(3), rs.getString(4)))
				.list();
		LocalDate today = countUntil(plan.endedAt(), ZoneId.of(plan.zoneId()));
		Streaks streaks = Streaks.of(plan.startDate(), slips.stream().map(SlipRow::day).toList(), today);
		return Optional.of(new PlanPage(plan.topicId(), plan.slug(), plan.title(), plan.visibility(), plan.topicStatus(),
				plan.status(), plan.ownerId(), plan.ownerUsername(), plan.ownerName(), plan.zoneId(), plan.statement(),
				plan.startDate(), plan.targetDays(), plan.reasons(), plan.triggers(), plan.instead(), streaks, keyDates,
				checkIns, recent, slips, contacts, owner, plan.purpose()));
	}

	/** What a reader sees of a slip: the owner all of it, others the day, and its story only if shared. */
	private static SlipRow slip(long id, LocalDate day, String kind, String initiatedBy, String note, boolean shared,
			boolean owner) {
		boolean story = owner || shared;
		return new SlipRow(id, day, story ? SlipKind.valueOf(kind) : null,
				story ? Initiator.valueOf(initiatedBy) : null, owner ? note : "", shared);
	}

	/** An ended plan's counter stops on the day it ended. */
	private LocalDate countUntil(Instant endedAt, ZoneId zone) {
		LocalDate today = PlanCalendar.today(clock, zone);
		if (endedAt == null) {
			return today;
		}
		LocalDate ended = LocalDate.ofInstant(endedAt, zone);
		return ended.isBefore(today) ? ended : today;
	}

	/** A member's plans, newest first, for their own history. */
	public List<PlanViews.PlanHistoryRow> plansOf(long memberId) {
		return jdbc.sql("""
				select p.topic_id, t.title, p.status, p.start_date from plan p join topic t on t.id = p.topic_id
				where p.member_id = ? order by p.created_at desc""")
				.param(memberId)
				.query((rs, n) -> new PlanViews.PlanHistoryRow(rs.getLong(1), rs.getString(2),
						PlanStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)))
				.list();
	}

	/** The topic id of the member's active plan, if they have one. */
	public Optional<Long> activePlanOf(long memberId) {
		return jdbc.sql("select topic_id from plan where active_member_id = ?").param(memberId).query(Long.class).optional();
	}

	/** Recent check-ins this viewer may see; with {@code needsEncouragement}, only high urges or low moods nobody answered. */
	public Listing<FeedItem> feed(Viewer viewer, boolean needsEncouragement, int page) {
		int p = Pages.clamp(page);
		String filter = needsEncouragement ? """
				and (c.urge >= 7 or c.mood <= 2)
				and not exists (select 1 from post r where r.topic_id = p.topic_id and r.number > p.number
				                and r.author_id <> p.author_id and r.status = 'VISIBLE')""" : "";
		List<FeedItem> rows = ForumQueries.bindViewer(jdbc.sql("""
				select c.post_id, p.number, t.id as topic_id, t.slug, t.title, m.username, m.display_name, c.on_day,
				       c.kept_no_contact, c.mood, c.urge, p.html, p.created_at,
				       (select count(*) from post r where r.topic_id = p.topic_id and r.number > p.number
				        and r.author_id <> p.author_id and r.status = 'VISIBLE') as replies
				from check_in c
				join post p on p.id = c.post_id
				join topic t on t.id = p.topic_id
				join member m on m.id = p.author_id
				where p.status = 'VISIBLE' and """ + ForumQueries.VISIBLE_TOPIC + " " + filter + """
				 order by p.created_at desc, p.id desc limit :limit offset :offset"""), viewer)
				.param("limit", FEED_PAGE + 1).param("offset", (long) (p - 1) * FEED_PAGE)
				.query((ResultSet rs, int n) -> new FeedItem(rs.getLong("post_id"), rs.getInt("number"),
						rs.getLong("topic_id"), rs.getString("slug"), rs.getString("title"), rs.getString("username"),
						rs.getString("display_name"), rs.getObject("on_day", LocalDate.class),
						rs.getBoolean("kept_no_contact"), rs.getInt("mood"), rs.getInt("urge"), rs.getString("html"),
						Utc.read(rs, "created_at"), rs.getInt("replies")))
				.list();
		boolean hasNext = rows.size() > FEED_PAGE;
		return new Listing<>(hasNext ? rows.subList(0, FEED_PAGE) : rows, p, hasNext);
	}

	/** The member's current (or latest) plan for their profile, as this viewer may see it. */
	public Optional<PlanSummary> summaryFor(Viewer viewer, long memberId) {
		record Row(long id, long topicId, String slug, String title, Visibility visibility, ContentStatus topicStatus,
				PlanStatus status, LocalDate start, int target, String zone, Instant endedAt) {
		}
		Optional<Row> found = jdbc.sql("""
				select p.id, p.topic_id, t.slug, t.title, t.visibility, t.status as topic_status, p.status, p.start_date,
				       p.target_days, m.time_zone, p.ended_at
				from plan p join topic t on t.id = p.topic_id join member m on m.id = p.member_id
				where p.member_id = ? order by case when p.status = 'ACTIVE' then 0 else 1 end, p.created_at desc limit 1""")
				.param(memberId)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("topic_id"), rs.getString("slug"),
						rs.getString("title"), Visibility.valueOf(rs.getString("visibility")),
						ContentStatus.valueOf(rs.getString("topic_status")), PlanStatus.valueOf(rs.getString("status")),
						rs.getObject("start_date", LocalDate.class), rs.getInt("target_days"), rs.getString("time_zone"),
						Utc.read(rs, "ended_at")))
				.optional()
				.filter(r -> viewer.canRead(memberId, r.visibility(), r.topicStatus()));
		return found.map(r -> {
			List<LocalDate> slips = jdbc.sql("select on_day from plan_slip where plan_id = ?").param(r.id())
					.query(LocalDate.class).list();
			Streaks streaks = Streaks.of(r.start(), slips, countUntil(r.endedAt(), ZoneId.of(r.zone())));
			return new PlanSummary(r.topicId(), r.slug(), r.title(), r.status(), streaks.dayNumber(),
					streaks.freshStartTomorrow(), streaks.longest(), streaks.totalNoContactDays(), streaks.slipCount(),
					r.target());
		});
	}

	/**
	 * The day counter of a member's active plan and whether today's check-in is done, whatever the
	 * plan's visibility: what a proposed or current accountability partner is shown, as the partner
	 * profile form tells the member. Nothing else of the plan.
	 */
	public Optional<PlanViews.Progress> progressOf(long memberId) {
		record Row(long id, long topicId, LocalDate start, String zone) {
		}
		return jdbc.sql("""
				select p.id, p.topic_id, p.start_date, m.time_zone from plan p join member m on m.id = p.member_id
				where p.active_member_id = ?""")
				.param(memberId)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
				.optional()
				.map(r -> {
					LocalDate today = PlanCalendar.today(clock, ZoneId.of(r.zone()));
					List<LocalDate> slips = jdbc.sql("select on_day from plan_slip where plan_id = ?").param(r.id())
							.query(LocalDate.class).list();
					boolean checkedIn = jdbc.sql("select count(*) from check_in where plan_id = ? and on_day = ?")
							.params(r.id(), today).query(Integer.class).single() > 0;
					Streaks streaks = Streaks.of(r.start(), slips, today);
					return new PlanViews.Progress(r.topicId(), r.start(), streaks.dayNumber(), streaks.longest(), checkedIn);
				});
	}
}
