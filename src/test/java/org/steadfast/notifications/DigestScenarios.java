package org.steadfast.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Visibility;
import org.steadfast.notifications.MailSettings.Digest;
import org.steadfast.notifications.internal.DigestJob;
import org.steadfast.partners.Partnerships;
import org.steadfast.plans.PlanDraft;
import org.steadfast.plans.PlanRules.CheckInDraft;
import org.steadfast.plans.PlanService;
import org.steadfast.plans.Streaks;
import org.steadfast.support.Members;
import org.steadfast.support.Partnering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * The email digest with a fixed clock: each reader's local hour in several time zones and across
 * daylight-saving changes, once per period whatever happens, only what is new and visible to the
 * reader, and never to those who unsubscribed, are suspended or never confirmed their address.
 * Runs on H2 ({@link DigestH2IT}) and MariaDB ({@link DigestMariaDbIT}).
 */
abstract class DigestScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	MemberService memberService;

	@Autowired
	MailSettings mailSettings;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	DigestJob digest;

	@Autowired
	PlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Partnering partnering;

	@Autowired
	Partnerships partnerships;

	/** A confirmed member in {@code zone} who asked for the digest at {@code hour}, with a topic someone just answered. */
	MemberPrincipal reader(String zone, Digest frequency, int hour) {
		MemberPrincipal member = members.create("reader");
		memberService.updateSettings(member.id(), member.displayName(), ZoneId.of(zone));
		jdbc.update("update member set email_verified = true where id = ?", member.id());
		mailSettings.save(member.id(), new MailSettings.Settings(frequency, hour, false));
		Topic topic = topic(member, "Week two " + UUID.randomUUID().toString().substring(0, 6), Visibility.PUBLIC, TopicKind.DISCUSSION);
		reply(members.create("friend"), topic, "Proud of you.");
		rewind(member);
		return member;
	}

	Topic topic(MemberPrincipal author, String title, Visibility visibility, TopicKind kind) {
		long category = categories.findBySlug(kind == TopicKind.PLAN ? "daily-check-ins" : "starting-out").orElseThrow().getId();
		return topics.startTopic(author.id(), new TopicService.NewTopic(category, title, "How it is going.", List.of(), kind,
				visibility), formTokens.issue(author.id()));
	}

	void reply(MemberPrincipal author, Topic topic, String body) {
		topics.reply(topic.getId(), author.id(), false, body, formTokens.issue(author.id()));
	}

	/** Counts everything posted so far as new for the reader's next digest (the runs below are in the future). */
	void rewind(MemberPrincipal member) {
		jdbc.update("update mail_setting set last_digest_at = '2020-01-01 00:00:00' where member_id = ?", member.id());
	}

	int digests(MemberPrincipal member) {
		return jdbc.queryForObject("select count(*) from mail_outbox where member_id = ? and kind = 'DIGEST'", Integer.class,
				member.id());
	}

	String digestText(MemberPrincipal member) {
		return jdbc.queryForObject("select text_body from mail_outbox where member_id = ? and kind = 'DIGEST' order by id desc limit 1",
				String.class, member.id());
	}

	@Test
	void digestsGoOutAtEachReadersLocalHour() {
		MemberPrincipal london = reader("Europe/London", Digest.DAILY, 8);
		MemberPrincipal newYork = reader("America/New_York", Digest.DAILY, 8);
		MemberPrincipal kolkata = reader("Asia/Kolkata", Digest.DAILY, 8);

		digest.runAt(Instant.parse("2027-01-11T02:29:00Z"));
		// New York is at 21:29 the day before: too late for that day's 8 o'clock digest.
		assertThat(List.of(digests(london), digests(newYork), digests(kolkata))).containsExactly(0, 0, 0);
		digest.runAt(Instant.parse("2027-01-11T02:30:00Z"));
		assertThat(List.of(digests(london), digests(newYork), digests(kolkata))).containsExactly(0, 0, 1);
		digest.runAt(Instant.parse("2027-01-11T08:00:00Z"));
		assertThat(List.of(digests(london), digests(newYork), digests(kolkata))).containsExactly(1, 0, 1);
		digest.runAt(Instant.parse("2027-01-11T12:59:00Z"));
		assertThat(digests(newYork)).isZero();
		digest.runAt(Instant.parse("2027-01-11T13:00:00Z"));
		assertThat(List.of(digests(london), digests(newYork), digests(kolkata))).containsExactly(1, 1, 1);
		assertThat(digestText(london)).contains("Week two", "1 new reply", "https://steadfast.example/t/");
	}

	@Test
	void theLocalHourFollowsDaylightSavingTime() {
		MemberPrincipal reader = reader("America/New_York", Digest.DAILY, 8);
		// Winter (UTC-5): 8 o'clock is 13:00 UTC.
		digest.runAt(Instant.parse("2027-03-12T12:00:00Z"));
		assertThat(digests(reader)).isZero();
		digest.runAt(Instant.parse("2027-03-12T13:00:00Z"));
		assertThat(digests(reader)).isEqualTo(1);
		// Summer (UTC-4, from 14 March 2027): 8 o'clock is 12:00 UTC.
		rewind(reader);
		digest.runAt(Instant.parse("2027-03-15T12:00:00Z"));
		assertThat(digests(reader)).isEqualTo(2);

		// On the night clocks skip 2:00, a 2 o'clock reader gets it at 3:00, once.
		MemberPrincipal early = reader("America/New_York", Digest.DAILY, 2);
		digest.runAt(Instant.parse("2027-03-14T06:59:00Z"));
		assertThat(digests(early)).isZero();
		digest.runAt(Instant.parse("2027-03-14T07:00:00Z"));
		assertThat(digests(early)).isEqualTo(1);
		// On the night 1:00 happens twice, a 1 o'clock reader still gets one.
		MemberPrincipal twice = reader("America/New_York", Digest.DAILY, 1);
		digest.runAt(Instant.parse("2027-11-07T05:30:00Z"));
		rewind(twice);
		digest.runAt(Instant.parse("2027-11-07T06:30:00Z"));
		assertThat(digests(twice)).isEqualTo(1);
	}

	@Test
	void weeklyDigestsGoOutOncePerWeek() {
		MemberPrincipal reader = reader("Europe/Berlin", Digest.WEEKLY, 9);
		digest.runAt(Instant.parse("2027-02-03T08:00:00Z"));
		assertThat(digests(reader)).as("not on a Wednesday").isZero();
		digest.runAt(Instant.parse("2027-02-01T08:00:00Z"));
		rewind(reader);
		digest.runAt(Instant.parse("2027-02-01T09:00:00Z"));
		assertThat(digests(reader)).isEqualTo(1);
		rewind(reader);
		digest.runAt(Instant.parse("2027-02-08T08:00:00Z"));
		assertThat(digests(reader)).isEqualTo(2);
	}

	@Test
	void aSecondRunInThePeriodSendsNothing() {
		MemberPrincipal reader = reader("Europe/London", Digest.DAILY, 7);
		digest.runAt(Instant.parse("2027-04-05T07:00:00Z"));
		rewind(reader);
		digest.runAt(Instant.parse("2027-04-05T07:00:00Z"));
		digest.runAt(Instant.parse("2027-04-05T21:00:00Z"));
		assertThat(digests(reader)).isEqualTo(1);
	}

	@Test
	void aRunKilledHalfWaySendsEachRemainingDigestOnceWhenRestarted() {
		List<MemberPrincipal> readers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			readers.add(reader("Pacific/Auckland", Digest.DAILY, 6));
		}
		List<Long> mine = readers.stream().map(MemberPrincipal::id).toList();
		AtomicInteger seen = new AtomicInteger();
		Instant now = Instant.parse("2027-05-10T19:00:00Z");
		assertThatThrownBy(() -> digest.runAt(now, 2, id -> {
			if (mine.contains(id) && seen.incrementAndGet() == 4) {
				throw new IllegalStateException("the process dies here");
			}
		})).hasMessageContaining("the process dies here");
		int before = readers.stream().mapToInt(this::digests).sum();
		assertThat(before).isBetween(1, 3);

		digest.runAt(now, 2, id -> {
		});
		digest.runAt(now);
		assertThat(readers).allSatisfy(r -> assertThat(digests(r)).isEqualTo(1));
	}

	@Test
	void unsubscribedSuspendedAndUnconfirmedMembersGetNothing() throws Exception {
		MemberPrincipal unsubscribed = reader("Europe/Madrid", Digest.DAILY, 6);
		MemberPrincipal suspended = reader("Europe/Madrid", Digest.DAILY, 6);
		MemberPrincipal unconfirmed = reader("Europe/Madrid", Digest.DAILY, 6);
		MemberPrincipal banned = reader("Europe/Madrid", Digest.DAILY, 6);
		MemberPrincipal control = reader("Europe/Madrid", Digest.DAILY, 6);
		String token = mailSettings.unsubscribeToken(unsubscribed.id());
		mvc.perform(post("/unsubscribe/" + token).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
		memberService.suspend(suspended.id(), Instant.parse("2099-01-01T00:00:00Z"), "a break");
		memberService.suspend(banned.id(), Instant.parse("9999-12-31T00:00:00Z"), "banned");
		jdbc.update("update member set email_verified = false where id = ?", unconfirmed.id());

		digest.runAt(Instant.parse("2027-06-01T06:00:00Z"));
		assertThat(List.of(digests(unsubscribed), digests(suspended), digests(unconfirmed), digests(banned), digests(control)))
				.containsExactly(0, 0, 0, 0, 1);
	}

	@Test
	void aPrivatePlansReplyNeverAppearsInAnotherMembersDigest() {
		MemberPrincipal owner = members.create("planner");
		String planTitle = "My plan " + UUID.randomUUID().toString().substring(0, 6);
		Topic plan = topic(owner, planTitle, Visibility.PUBLIC, TopicKind.PLAN);
		MemberPrincipal follower = reader("Europe/Paris", Digest.DAILY, 6);
		reply(follower, plan, "Cheering for you.");
		topics.changeVisibility(plan.getId(), owner.id(), Visibility.PRIVATE);
		reply(owner, plan, "Day 3, only for me now.");
		rewind(follower);

		digest.runAt(Instant.parse("2027-06-02T05:00:00Z"));
		assertThat(digests(follower)).isEqualTo(1);
		assertThat(digestText(follower)).contains("Week two").doesNotContain(planTitle, "only for me");
	}

	@Test
	void theCommunitySectionsLeaveOutEachReadersOwnTopicsAndMembersTheyBlocked() {
		MemberPrincipal blocking = reader("UTC", Digest.DAILY, 6);
		MemberPrincipal open = reader("UTC", Digest.DAILY, 6);
		MemberPrincipal blocked = members.create("loud");
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Topic byOther = topic(members.create("asker"), "Waiting other " + tag, Visibility.PUBLIC, TopicKind.DISCUSSION);
		Topic byBlocked = topic(blocked, "Waiting blocked " + tag, Visibility.PUBLIC, TopicKind.DISCUSSION);
		long category = categories.findBySlug("starting-out").orElseThrow().getId();
		Topic own = topics.startTopic(blocking.id(), TopicService.NewTopic.discussion(category, "Waiting own " + tag,
				"Anyone else awake?", List.of()), formTokens.issue(blocking.id()));
		memberService.block(blocking.id(), blocked.id());
		for (Topic t : List.of(byOther, byBlocked, own)) {
			jdbc.update("update topic set created_at = '2027-09-15 05:00:00' where id = ?", t.getId());
		}

		digest.runAt(Instant.parse("2027-09-15T06:00:00Z"));
		assertThat(digestText(blocking)).contains("Waiting for a first answer", "Waiting other " + tag)
				.doesNotContain("Waiting blocked " + tag, "Waiting own " + tag);
		assertThat(digestText(open)).contains("Waiting other " + tag, "Waiting blocked " + tag, "Waiting own " + tag);
		String html = jdbc.queryForObject("select html_body from mail_outbox where member_id = ? and kind = 'DIGEST'",
				String.class, open.id());
		assertThat(HtmlUtils.htmlUnescape(html)).contains("<h2>Waiting for a first answer: maybe you can help</h2>",
				"/t/" + byBlocked.getId() + "/");
	}

	@Test
	void theDigestShowsTheReadersDayCounterAndNextMilestone() {
		MemberPrincipal reader = reader("UTC", Digest.DAILY, 6);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate start = today.minusDays(3);
		long plan = plans.create(reader.id(), ZoneId.of("UTC"), new PlanDraft("Plan " + UUID.randomUUID().toString()
				.substring(0, 6), "Nothing, ever. Not even friends.", start, 30, "I deserve peace", "Sunday evenings",
				"Walk around the block", Visibility.PRIVATE, List.of()),
				formTokens.issue(reader.id()));
		rewind(reader);
		LocalDate runDay = today.plusDays(2);
		Streaks streaks = Streaks.of(start, List.of(), runDay);

		digest.runAt(runDay.atTime(6, 0).toInstant(ZoneOffset.UTC));
		assertThat(digestText(reader)).contains("You are on day " + streaks.dayNumber() + ".",
				"Next milestone: " + streaks.nextMilestone().orElseThrow() + " days",
				"https://steadfast.example/plans/" + plan);
	}

	@Test
	void aReaderHearsOfTheirPartnersCheckInsAndNothingOnceThePartnershipHasEnded() {
		MemberPrincipal reader = partnering.looking("dreader");
		MemberPrincipal partner = partnering.looking("dpartner");
		long partnership = partnering.partnered(reader, partner);
		jdbc.update("update member set email_verified = true where id = ?", reader.id());
		mailSettings.save(reader.id(), new MailSettings.Settings(Digest.DAILY, 6, false));
		String title = "Evenings " + UUID.randomUUID().toString().substring(0, 6);
		Topic topic = topic(reader, title, Visibility.PUBLIC, TopicKind.DISCUSSION);
		reply(members.create("friend"), topic, "Proud of you.");
		long partnersPlan = jdbc.queryForObject("select topic_id from plan where active_member_id = ?", Long.class,
				partner.id());
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		plans.checkIn(partnersPlan, partner.id(), ZoneId.of("Europe/London"),
				new CheckInDraft(today, true, 3, 4, "Walked instead."), formTokens.issue(partner.id()));
		plans.checkIn(partnersPlan, partner.id(), ZoneId.of("Europe/London"),
				new CheckInDraft(today.minusDays(1), false, 2, 8, "Sent one text."), formTokens.issue(partner.id()));
		rewind(reader);

		digest.runAt(Instant.parse("2027-01-12T06:00:00Z"));
		assertThat(digestText(reader)).contains(
				partner.displayName() + " checked in 2 times and kept no contact on one of them.");

		partnerships.end(partnership, reader.id(), Instant.now());
		plans.checkIn(partnersPlan, partner.id(), ZoneId.of("Europe/London"),
				new CheckInDraft(LocalDate.now(ZoneId.of("Europe/London")), true, 4, 2, "Better day."),
				formTokens.issue(partner.id()));
		reply(members.create("friend"), topic, "Still here.");
		// Every check-in is in the window again: the partnership's end alone keeps them out.
		rewind(reader);
		digest.runAt(Instant.parse("2027-01-13T06:00:00Z"));
		assertThat(digests(reader)).isEqualTo(2);
		assertThat(digestText(reader)).contains(title).doesNotContain(partner.displayName() + " checked in");
	}

	@Test
	void nothingNewMeansNoMail() {
		MemberPrincipal reader = reader("Europe/Rome", Digest.DAILY, 6);
		jdbc.update("update mail_setting set last_digest_at = '2026-12-31 00:00:00' where member_id = ?", reader.id());
		digest.runAt(Instant.parse("2027-06-03T05:00:00Z"));
		assertThat(digests(reader)).isZero();
	}

	@Test
	void discreetModeUsesANeutralSenderAndSubject() {
		MemberPrincipal reader = reader("Europe/Vienna", Digest.WEEKLY, 6);
		mailSettings.save(reader.id(), new MailSettings.Settings(Digest.WEEKLY, 6, true));
		digest.runAt(Instant.parse("2027-06-07T04:00:00Z"));
		var mail = jdbc.queryForMap("select from_name, subject, html_body, unsubscribe_url from mail_outbox where member_id = ? and kind = 'DIGEST'",
				reader.id());
		assertThat(mail.get("from_name")).isEqualTo("Notifications");
		assertThat(mail.get("subject")).isEqualTo("Your weekly summary");
		assertThat((String) mail.get("html_body")).contains("<div hidden>Your summary is ready.</div>");
		assertThat((String) mail.get("unsubscribe_url")).startsWith("https://steadfast.example/unsubscribe/");
	}

	@Test
	void unsubscribingWorksWithoutSigningInAndATamperedLinkSaysSo() throws Exception {
		MemberPrincipal reader = reader("Europe/Oslo", Digest.DAILY, 6);
		String token = mailSettings.unsubscribeToken(reader.id());
		String page = HtmlUtils.htmlUnescape(mvc.perform(get("/unsubscribe/" + token)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString());
		assertThat(page).contains("Stop sending the email digest");
		assertThat(mailSettings.of(reader.id()).digest()).isEqualTo(Digest.DAILY);

		String tampered = HtmlUtils.htmlUnescape(mvc.perform(post("/unsubscribe/" + token.substring(1) + "x"))
				.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
		assertThat(tampered).contains("This unsubscribe link doesn't work");
		assertThat(mailSettings.of(reader.id()).digest()).isEqualTo(Digest.DAILY);

		mvc.perform(post("/unsubscribe/" + token)).andExpect(status().isOk());
		assertThat(mailSettings.of(reader.id()).digest()).isEqualTo(Digest.OFF);
		digest.runAt(Instant.parse("2027-06-04T06:00:00Z"));
		assertThat(digests(reader)).isZero();
	}

	@Autowired
	LockProvider locks;

	@Test
	void theScheduledRunTakesTheDigestLockSoOnlyOneNodeRunsIt() {
		digest.run();
		assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'digest'", Integer.class)).isEqualTo(1);

		String name = "digest-test-" + UUID.randomUUID().toString().substring(0, 8);
		var config = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5),
				Duration.ZERO);
		var held = locks.lock(config);
		assertThat(held).isPresent();
		assertThat(locks.lock(config)).as("a second node finds the lock taken").isEmpty();
		held.get().unlock();
		assertThat(locks.lock(config)).isPresent();
	}
}
