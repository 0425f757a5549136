package org.steadfast.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.ForumViews.CategoryView;
import org.steadfast.forum.RetriedWhenBusy;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.TopicService;
import org.steadfast.plans.PlanEvents.CheckedIn;
import org.steadfast.plans.PlanEvents.MilestoneReached;
import org.steadfast.plans.PlanEvents.PlanEnded;
import org.steadfast.plans.PlanEvents.PlanStarted;
import org.steadfast.plans.PlanEvents.PurposeChanged;
import org.steadfast.plans.PlanEvents.SlipRecorded;
import org.steadfast.plans.PlanRules.CheckInDraft;
import org.steadfast.plans.PlanRules.ContactDraft;
import org.steadfast.plans.PlanRules.SlipDraft;

/**
 * Writing plans, check-ins, slips and the contact log. The plan's topic and the check-in posts go
 * through the forum's TopicService, so they get the same guards (one-time form tokens, sanitized
 * Markdown, visibility) as every other post.
 */
@Service
public class PlanService {

	static final String PLAN_CATEGORY = "daily-check-ins";

	private final PlanRepository plans;
	private final TopicService topics;
	private final CategoryService categories;
	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PlanService(PlanRepository plans, TopicService topics, CategoryService categories, JdbcClient jdbc,
			MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.topics = topics;
		this.categories = categories;
		this.jdbc = jdbc;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** Starts a plan: its topic with the plan written out as the first post, and the plan's own row. */
	@RetriedWhenBusy
	@Transactional
	public long create(long memberId, ZoneId zone, PlanDraft draft, String formToken) {
		check(draft, zone);
		if (plans.findByMemberIdAndStatus(memberId, PlanStatus.ACTIVE).isPresent()) {
			throw Refusal.invalid(null, "plan.alreadyActive");
		}
		var topic = topics.startTopic(memberId, new TopicService.NewTopic(planCategory(), draft.title(),
				firstPost(draft), List.of(), TopicKind.PLAN, draft.visibility()), formToken);
		Plan plan;
		try {
			plan = plans.saveAndFlush(new Plan(topic.getId(), memberId, draft, clock.instant()));
		}
		catch (DataIntegrityViolationException e) {
			// Two plans started at once: the unique active-plan key lets one through.
			throw Refusal.invalid(null, "plan.alreadyActive");
		}
		replaceKeyDates(plan.getId(), draft.keyDates());
		events.publishEvent(new PlanStarted(topic.getId(), memberId, draft.purpose()));
		return topic.getId();
	}

	@RetriedWhenBusy
	@Transactional
	public void update(long topicId, long memberId, ZoneId zone, PlanDraft draft) {
		Plan plan = own(topicId, memberId);
		check(draft, zone);
		plan.update(draft);
		long firstPostId = jdbc.sql("select id from post where topic_id = ? and number = 1").param(topicId)
				.query(Long.class).single();
		topics.revise(firstPostId, memberId, draft.title(), firstPost(draft));
		topics.changeVisibility(topicId, memberId, draft.visibility());
		replaceKeyDates(plan.getId(), draft.keyDates());
	}

	/**
	 * Changes what the plan is for. The first post's heading over the statement follows the purpose,
	 * so it is revised too; switching to "staying safe" does not touch discreet mode (it is the
	 * member's own setting once the plan exists), the plan page offers it instead.
	 */
	@RetriedWhenBusy
	@Transactional
	public void changePurpose(long topicId, long memberId, PlanPurpose purpose) {
		Plan plan = own(topicId, memberId);
		if (plan.getPurpose() == purpose) {
			return;
		}
		plan.changePurpose(purpose);
		List<PlanDraft.KeyDate> keyDates = jdbc.sql("select on_day, label, note from plan_key_date where plan_id = ? order by on_day, id")
				.param(plan.getId())
				.query((rs, n) -> new PlanDraft.KeyDate(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
				.list();
		PlanDraft draft = new PlanDraft(null, plan.getStatement(), plan.getStartDate(), plan.getTargetDays(),
				plan.getReasons(), plan.getTriggers(), plan.getInstead(), null, keyDates, purpose);
		long firstPostId = jdbc.sql("select id from post where topic_id = ? and number = 1").param(topicId)
				.query(Long.class).single();
		topics.revise(firstPostId, memberId, null, firstPost(draft));
		events.publishEvent(new PurposeChanged(topicId, memberId, purpose));
	}

	/** Ends the plan as finished or abandoned; it stays in the member's history. */
	@Transactional
	public void end(long topicId, long memberId, PlanStatus outcome) {
		if (outcome == PlanStatus.ACTIVE) {
			throw Refusal.invalid("outcome", "plan.outcome.invalid");
		}
		Plan plan = own(topicId, memberId);
		if (plan.getStatus() != PlanStatus.ACTIVE) {
			throw Refusal.invalid(null, "plan.notActive");
		}
		plan.end(outcome, clock.instant());
		events.publishEvent(new PlanEnded(topicId, memberId, outcome));
	}

	@Transactional
	public void recordSlip(long topicId, long memberId, ZoneId zone, SlipDraft slip) {
		Plan plan = ownActive(topicId, memberId);
		LocalDate today = PlanCalendar.today(clock, zone);
		if (slip.day().isAfter(today) || slip.day().isBefore(plan.getStartDate())) {
			throw Refusal.invalid("day", "date.beforePlan");
		}
		jdbc.sql("insert into plan_slip (plan_id, on_day, kind, initiated_by, note, created_at) values (?, ?, ?, ?, ?, ?)")
				.params(plan.getId(), slip.day(), slip.kind().name(), slip.initiatedBy().name(), slip.note(), now())
				.update();
		events.publishEvent(new SlipRecorded(topicId, memberId, slip.day()));
	}

	/**
	 * The owner shares one slip's story (what happened, who started it) with whoever may see the
	 * plan, or takes it back. The note stays the owner's either way.
	 */
	@Transactional
	public void shareSlip(long topicId, long memberId, long slipId, boolean shared) {
		Plan plan = own(topicId, memberId);
		int changed = jdbc.sql("update plan_slip set shared = ? where id = ? and plan_id = ?")
				.params(shared, slipId, plan.getId()).update();
		if (changed == 0) {
			throw Refusal.notFound();
		}
	}

	@Transactional
	public void logContact(long topicId, long memberId, ZoneId zone, ContactDraft contact) {
		Plan plan = own(topicId, memberId);
		if (contact.day().isAfter(PlanCalendar.today(clock, zone))) {
			throw Refusal.invalid("day", "date.future");
		}
		jdbc.sql("insert into plan_contact (plan_id, on_day, channel, offered, response, created_at) values (?, ?, ?, ?, ?, ?)")
				.params(plan.getId(), contact.day(), contact.channel().name(), contact.offered(), contact.response(), now())
				.update();
	}

	/** The result of a check-in: its post, and whether it replaced the one already made that day. */
	public record CheckInResult(long postId, boolean replaced) {
	}

	/**
	 * Checks in for today or yesterday. A second check-in for the same day replaces the first
	 * (the member is told so), so a plan never has two for one day.
	 */
	@RetriedWhenBusy
	@Transactional
	public CheckInResult checkIn(long topicId, long memberId, ZoneId zone, CheckInDraft draft, String formToken) {
		Plan plan = ownActive(topicId, memberId);
		LocalDate today = PlanCalendar.today(clock, zone);
		if (!PlanCalendar.isCheckInDay(draft.day(), today) || draft.day().isBefore(plan.getStartDate())) {
			throw Refusal.invalid("day", "checkin.day.range");
		}
		List<LocalDate> slips = slipDays(plan);
		Streaks streaks = Streaks.of(plan.getStartDate(), slips, today);
		String body = checkInPost(draft, Streaks.of(plan.getStartDate(), slips, draft.day()));
		Optional<Long> existing = jdbc.sql("select post_id from check_in where plan_id = ? and on_day = ?")
				.params(plan.getId(), draft.day()).query(Long.class).optional();
		long postId;
		if (existing.isPresent()) {
			postId = existing.get();
			topics.revise(postId, memberId, null, body);
			jdbc.sql("update check_in set kept_no_contact = ?, mood = ?, urge = ?, note = ? where post_id = ?")
					.params(draft.keptNoContact(), draft.mood(), draft.urge(), draft.note(), postId).update();
		}
		else {
			postId = topics.reply(topicId, memberId, false, body, formToken).getId();
			jdbc.sql("insert into check_in (post_id, plan_id, on_day, kept_no_contact, mood, urge, note) values (?, ?, ?, ?, ?, ?, ?)")
					.params(postId, plan.getId(), draft.day(), draft.keptNoContact(), draft.mood(), draft.urge(), draft.note())
					.update();
		}
		events.publishEvent(new CheckedIn(topicId, memberId, postId, draft.day(), draft.keptNoContact(), draft.mood(),
				draft.urge()));
		announceMilestones(plan, streaks, memberId);
		return new CheckInResult(postId, existing.isPresent());
	}

	/** Publishes each milestone of the current streak once, however often the member checks in. */
	private void announceMilestones(Plan plan, Streaks streaks, long memberId) {
		if (streaks.freshStartTomorrow()) {
			return;
		}
		LocalDate streakStart = streaks.current().start();
		for (int days : streaks.reachedMilestones()) {
			int inserted = jdbc.sql("insert ignore into plan_milestone (plan_id, streak_start, days, reached_on) values (?, ?, ?, ?)")
					.params(plan.getId(), streakStart, days, streakStart.plusDays(days - 1L)).update();
			if (inserted > 0) {
				events.publishEvent(new MilestoneReached(plan.getTopicId(), memberId, days, streakStart.plusDays(days - 1L),
						plan.getPurpose()));
			}
		}
	}

	private List<LocalDate> slipDays(Plan plan) {
		return jdbc.sql("select on_day from plan_slip where plan_id = ?").param(plan.getId()).query(LocalDate.class).list();
	}

	private void check(PlanDraft draft, ZoneId zone) {
		if (draft.startDate().isAfter(PlanCalendar.today(clock, zone)) || draft.startDate().isBefore(PlanRules.EARLIEST)) {
			throw Refusal.invalid("startDate", "plan.startDate.future");
		}
		if (draft.targetDays() < 1 || draft.targetDays() > PlanRules.MAX_TARGET) {
			throw Refusal.invalid("customDays", "plan.customDays.range");
		}
	}

	private Plan own(long topicId, long memberId) {
		Plan plan = plans.findByTopicId(topicId).orElseThrow(Refusal::notFound);
		if (!Objects.equals(plan.getMemberId(), memberId)) {
			// Someone else's plan: they may be allowed to read it, never to change it.
			throw new Refusal(Refusal.Reason.FORBIDDEN, null, "plan.notYours");
		}
		return plan;
	}

	private Plan ownActive(long topicId, long memberId) {
		Plan plan = own(topicId, memberId);
		if (plan.getStatus() != PlanStatus.ACTIVE) {
			throw Refusal.invalid(null, "plan.notActive");
		}
		return plan;
	}

	private long planCategory() {
		return categories.bySlug(PLAN_CATEGORY).filter(c -> !c.archived()).or(() -> categories.open().stream().findFirst())
				.map(CategoryView::id).orElseThrow(() -> new IllegalStateException("no open category for plans"));
	}

	private void replaceKeyDates(long planId, List<PlanDraft.KeyDate> keyDates) {
		jdbc.sql("delete from plan_key_date where plan_id = ?").param(planId).update();
		for (var k : keyDates) {
			jdbc.sql("insert into plan_key_date (plan_id, on_day, label, note) values (?, ?, ?, ?)")
					.params(planId, k.day(), k.label(), k.note()).update();
		}
	}

	/** The plan written out as Markdown: what readers, search and the digest see of it. */
	private String firstPost(PlanDraft draft) {
		StringBuilder md = new StringBuilder();
		md.append("**").append(msg("plan.post.started")).append("** ").append(draft.startDate()).append(" · **")
				.append(msg("plan.post.target")).append("** ").append(msg("plan.post.days", draft.targetDays())).append("\n\n");
		section(md, draft.purpose().guidance().statementHeading(), draft.statement(), true);
		section(md, "plan.post.reasons", draft.reasons(), false);
		section(md, "plan.post.triggers", draft.triggers(), false);
		section(md, "plan.post.instead", draft.instead(), false);
		return md.toString().strip();
	}

	private void section(StringBuilder md, String headingKey, String text, boolean quote) {
		if (text == null || text.isBlank()) {
			return;
		}
		md.append("### ").append(msg(headingKey)).append("\n\n");
		if (quote) {
			text.lines().forEach(line -> md.append("> ").append(line).append('\n'));
			md.append('\n');
		}
		else {
			md.append(text).append("\n\n");
		}
	}

	/** The check-in as a post: a summary line (the card) and the member's note. */
	private String checkInPost(CheckInDraft draft, Streaks onThatDay) {
		String summary = onThatDay.freshStartTomorrow() || !draft.keptNoContact()
				? msg("checkin.post.summaryFreshStart", draft.mood(), draft.urge())
				: msg("checkin.post.summary", onThatDay.dayNumber(), draft.mood(), draft.urge());
		return draft.note().isBlank() ? summary : summary + "\n\n" + draft.note();
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}

	private LocalDateTime now() {
		return Utc.of(clock.instant());
	}
}
