package org.steadfast.partners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.Role;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Visibility;
import org.steadfast.moderation.FlagReason;
import org.steadfast.moderation.ModerationService;
import org.steadfast.moderation.SanctionKind;
import org.steadfast.notifications.DigestPartnerSource;
import org.steadfast.partners.PartnerEvents.NudgeSent;
import org.steadfast.partners.PartnerEvents.PartnershipEnded;
import org.steadfast.partners.PartnerEvents.PartnershipStarted;
import org.steadfast.partners.PartnerEvents.ProposalMade;
import org.steadfast.partners.PartnerEvents.SosAnswered;
import org.steadfast.partners.PartnerEvents.SosEscalated;
import org.steadfast.partners.PartnerEvents.SosRaised;
import org.steadfast.partners.matching.Waiting;
import org.steadfast.partners.matching.Wish;
import org.steadfast.plans.ContactChannel;
import org.steadfast.plans.Initiator;
import org.steadfast.plans.PlanDraft;
import org.steadfast.plans.PlanRules.ContactDraft;
import org.steadfast.plans.PlanRules.SlipDraft;
import org.steadfast.plans.PlanService;
import org.steadfast.plans.SlipKind;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Partners through their services and pages. Runs on H2 ({@link PartnersH2IT}) and MariaDB
 * ({@link PartnersMariaDbIT}). The database is shared with other tests, so each test takes its own
 * members out of everyone else's pool before matching.
 */
@RecordApplicationEvents
abstract class PartnerScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	MemberService memberService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PlanService plans;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	PartnerProfiles profiles;

	@Autowired
	PartnerMatching matching;

	@Autowired
	Partnerships partnerships;

	@Autowired
	PartnerMessages messages;

	@Autowired
	Nudges nudges;

	@Autowired
	SosAlerts sos;

	@Autowired
	StatementCounter statements;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ModerationService moderation;

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	/** A member old enough to be matched, with an active plan and a partner profile that is looking. */
	MemberPrincipal looking(String prefix, Visibility visibility, String zone) {
		MemberPrincipal m = members.create(prefix);
		jdbc.update("update member set created_at = ?, time_zone = ? where id = ?",
				LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(30)), ZoneOffset.UTC), zone, m.id());
		LocalDate start = LocalDate.now(clock).minusDays(10);
		plans.create(m.id(), ZoneId.of(zone), new PlanDraft("Plan of " + m.username() + " " + marker(),
				"Nothing, ever. Not even friends.", start, 30, "I deserve peace", "Sunday evenings",
				"Walk around the block", visibility, List.of()), formTokens.issue(m.id()));
		profiles.save(m.id(), new PartnerProfiles.Draft(true, 20, Set.of(Wish.DAILY_ENCOURAGEMENT),
				"Hi, I am " + m.username(), false));
		return new MemberPrincipal(m.id(), m.username(), m.displayName(), zone, m.role(), m.password());
	}

	MemberPrincipal looking(String prefix) {
		return looking(prefix, Visibility.PARTNER, "Europe/London");
	}

	/** Only these members are looking: the pool of other tests stays out of this one. */
	void onlyLooking(MemberPrincipal... pool) {
		String ids = Arrays.stream(pool).map(m -> String.valueOf(m.id())).reduce((a, b) -> a + "," + b).orElseThrow();
		jdbc.update("update partner_profile set looking = false where member_id not in (" + ids + ")");
	}

	static String marker() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	long proposalOf(MemberPrincipal m) {
		return jdbc.queryForObject("select proposal_id from partner_busy where member_id = ?", Long.class, m.id());
	}

	long partnered(MemberPrincipal a, MemberPrincipal b) {
		onlyLooking(a, b);
		matching.matchAll(clock.instant());
		long proposal = proposalOf(a);
		assertThat(proposalOf(b)).isEqualTo(proposal);
		partnerships.accept(proposal, a.id(), clock.instant());
		return partnerships.accept(proposal, b.id(), clock.instant()).orElseThrow().id();
	}

	long planOf(MemberPrincipal m) {
		return jdbc.queryForObject("select topic_id from plan where active_member_id = ?", Long.class, m.id());
	}

	@Test
	void aMatchingJobThatRunsTwiceProposesNothingTwice() {
		MemberPrincipal a = looking("twicea");
		MemberPrincipal b = looking("twiceb");
		onlyLooking(a, b);
		var first = matching.matchAll(clock.instant());
		var second = matching.matchAll(clock.instant());
		assertThat(first.proposed()).hasSize(1);
		assertThat(second.proposed()).isEmpty();
		// Even a run that chose the same pair again (another node, same moment) writes nothing.
		assertThat(matching.propose(first.proposed().get(0), clock.instant())).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from partner_proposal where member_a = ? and member_b = ?",
				Integer.class, Math.min(a.id(), b.id()), Math.max(a.id(), b.id()))).isEqualTo(1);
		assertThat(events.stream(ProposalMade.class).filter(e -> e.memberId() == a.id() || e.memberId() == b.id()))
				.hasSize(2);
	}

	@Test
	void bothAcceptThenThePartnerReadsThePartnerOnlyPlanUntilItEnds() throws Exception {
		MemberPrincipal a = looking("reada");
		MemberPrincipal b = looking("readb");
		MemberPrincipal stranger = looking("readc");
		long plan = planOf(a);
		String title = jdbc.queryForObject("select title from topic where id = ?", String.class, plan);
		onlyLooking(a, b);
		matching.matchAll(clock.instant());
		long proposal = proposalOf(a);
		assertThat(html(mvc.perform(get("/partners").with(user(b))))).contains("Hi, I am " + a.username(), "Accept");
		mvc.perform(get("/plans/" + plan).with(user(b))).andExpect(status().isNotFound());

		mvc.perform(post("/partners/proposals/" + proposal + "/accept").with(user(a)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/partners/proposals/" + proposal + "/accept").with(user(b)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		long partnership = partnerships.activeOf(a.id(), clock.instant()).orElseThrow().id();
		assertThat(events.stream(PartnershipStarted.class).filter(e -> e.partnershipId() == partnership)).hasSize(1);

		mvc.perform(get("/plans/" + plan).with(user(b))).andExpect(status().isOk());
		mvc.perform(get("/plans/" + plan).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/plans/" + plan)).andExpect(status().isNotFound());
		assertThat(html(mvc.perform(get("/u/" + a.username()).with(user(b))))).contains(title);
		assertThat(html(mvc.perform(get("/u/" + a.username()).with(user(stranger))))).doesNotContain(title);
		assertThat(html(mvc.perform(get("/partners").with(user(b))))).contains("Day 11", "Their plan");
		assertThat(html(mvc.perform(get("/latest").with(user(b))))).contains(title);
		assertThat(html(mvc.perform(get("/latest").with(user(stranger))))).doesNotContain(title);

		mvc.perform(post("/partners/partnerships/" + partnership + "/end").with(user(a)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(events.stream(PartnershipEnded.class).filter(e -> e.partnershipId() == partnership))
				.containsExactly(new PartnershipEnded(partnership, a.id(), b.id()));
		mvc.perform(get("/plans/" + plan).with(user(b))).andExpect(status().isNotFound());
		assertThat(html(mvc.perform(get("/latest").with(user(b))))).doesNotContain(title);
		// Ending twice is a clear conflict, not an error.
		assertThat(html(mvc.perform(post("/partners/partnerships/" + partnership + "/end").with(user(b)).with(csrf()))
				.andExpect(status().isConflict()))).contains("This partnership has already ended.");
		// And the two are never proposed to each other again.
		onlyLooking(a, b);
		assertThat(matching.matchAll(clock.instant()).proposed()).isEmpty();
		assertThat(profiles.of(a.id()).waitingReason()).isEqualTo(Waiting.ALL_COMPATIBLE_EXCLUDED);
	}

	@Test
	void thePartnerSeesThatASlipHappenedButNotWhatHappenedOrTheContactLogUnlessTheStoryIsShared() throws Exception {
		MemberPrincipal a = looking("slipa");
		MemberPrincipal b = looking("slipb");
		partnered(a, b);
		long plan = planOf(a);
		LocalDate day = LocalDate.now(clock).minusDays(2);
		plans.recordSlip(plan, a.id(), ZoneId.of("Europe/London"),
				new SlipDraft(day, SlipKind.CALLED,
						Initiator.ME, "Rang them at 2am after the concert"));
		plans.logContact(plan, a.id(), ZoneId.of("Europe/London"),
				new ContactDraft(day, ContactChannel.FRIENDS,
						"Asked Jo to pass on a letter", "Nothing"));
		for (String path : List.of("/plans/" + plan, "/partners", "/notifications", "/checkins", "/u/" + a.username())) {
			String page = html(mvc.perform(get(path).with(user(b))).andExpect(status().isOk()));
			assertThat(page).as(path).doesNotContain("a call", "I reached out", "2am after the concert", "pass on a letter");
		}
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(b))))).contains(day.toString(), "a fresh start");
		mvc.perform(get("/plans/" + plan + "/contact").with(user(b))).andExpect(status().isForbidden());

		long slip = jdbc.queryForObject("select s.id from plan_slip s join plan p on p.id = s.plan_id where p.topic_id = ?",
				Long.class, plan);
		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(b)).with(csrf()).param("shared", "true"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(a)).with(csrf()).param("shared", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(b))).andExpect(status().isOk())))
				.contains("a call", "I reached out").doesNotContain("2am after the concert", "pass on a letter");
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(a))).andExpect(status().isOk())))
				.contains("Your accountability partner sees the day of each fresh start");
	}

	@Test
	void searchFindsAPartnerOnlyPlanForThePartnerAloneWhileThePartnershipLasts() throws Exception {
		MemberPrincipal a = looking("srcha");
		MemberPrincipal b = looking("srchb");
		MemberPrincipal stranger = looking("srchc");
		String title = jdbc.queryForObject("select title from topic where id = ?", String.class, planOf(a));
		String word = title.substring(title.lastIndexOf(' ') + 1);
		String link = "href=\"/t/" + planOf(a) + "/";
		long partnership = partnered(a, b);
		assertThat(html(mvc.perform(get("/search").param("q", word).with(user(b))))).contains(link);
		assertThat(html(mvc.perform(get("/search").param("q", word).with(user(stranger))))).doesNotContain(link);
		assertThat(html(mvc.perform(get("/search").param("q", word)))).doesNotContain(link);
		partnerships.end(partnership, b.id(), clock.instant());
		assertThat(html(mvc.perform(get("/search").param("q", word).with(user(b))))).doesNotContain(link);
		assertThat(html(mvc.perform(get("/checkins").with(user(b))))).doesNotContain(title);
	}

	@Test
	void badInputGetsAClearAnswerNeverAServerError() throws Exception {
		MemberPrincipal a = looking("bada");
		MemberPrincipal b = looking("badb");
		MemberPrincipal other = looking("badc");
		onlyLooking(a, b);
		matching.matchAll(clock.instant());
		long proposal = proposalOf(a);
		// Someone else's proposal, a tampered id, a missing one.
		mvc.perform(post("/partners/proposals/" + proposal + "/accept").with(user(other)).with(csrf()))
				.andExpect(status().isNotFound());
		mvc.perform(post("/partners/proposals/99999999/accept").with(user(a)).with(csrf()))
				.andExpect(status().isNotFound());
		mvc.perform(post("/partners/proposals/abc/accept").with(user(a)).with(csrf()))
				.andExpect(status().is4xxClientError());
		// A lapsed proposal.
		jdbc.update("update partner_proposal set expires_at = ? where id = ?",
				LocalDateTime.ofInstant(clock.instant().minusSeconds(60), ZoneOffset.UTC), proposal);
		assertThat(html(mvc.perform(post("/partners/proposals/" + proposal + "/accept").with(user(a)).with(csrf()))
				.andExpect(status().isConflict()))).contains("This proposal has lapsed");
		assertThat(partnerships.closeDue(clock.instant())).isGreaterThanOrEqualTo(1);
		assertThat(partnerships.closeDue(clock.instant())).isZero();
		assertThat(profiles.of(a.id()).looking()).isFalse();
		// SOS without a partner; a message to no partner; someone else's SOS; a flag on nothing.
		assertThat(html(mvc.perform(post("/partners/sos").with(user(a)).with(csrf())).andExpect(status().isConflict())))
				.contains("you have none right now");
		mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("formToken", formTokens.issue(a.id())).param("to", String.valueOf(b.id()))
				.param("body", "hello")).andExpect(status().isConflict());
		mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("body", "hello"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/partners/sos/99999999").with(user(a))).andExpect(status().isNotFound());
		mvc.perform(post("/partners/messages/99999999/flag").with(user(a)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/partners/partnerships/99999999/end").with(user(a)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/partners/find").with(user(a)).with(csrf())).andExpect(status().is3xxRedirection());
		// A profile with mistakes comes back with the text kept.
		String page = html(mvc.perform(post("/partners/profile").with(user(a)).with(csrf()).param("looking", "true")
				.param("checkInHour", "25").param("wishes", "NONSENSE").param("intro", "Kept text " + a.username()))
				.andExpect(status().isOk()));
		assertThat(page).contains("Choose an hour between", "Choose from the wishes listed", "Kept text " + a.username());
	}

	@Test
	void messagesAreForTheTwoAloneAndAFlaggedOneReachesModeratorsAlone() throws Exception {
		MemberPrincipal a = looking("msga");
		MemberPrincipal b = looking("msgb");
		MemberPrincipal c = looking("msgc");
		long partnership = partnered(a, b);
		String secret = "Only for you " + marker();
		String rude = "Something unkind " + marker();
		mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("formToken", formTokens.issue(a.id())).param("to", String.valueOf(b.id()))
				.param("body", secret)).andExpect(status().is3xxRedirection());
		long rudeId = messages.send(a.id(), b.id(), rude, formTokens.issue(a.id()), clock.instant());
		assertThat(html(mvc.perform(get("/partners").with(user(b))))).contains(secret, rude);
		// A double click: the same form twice sends one message; an expired form keeps the text.
		String token = formTokens.issue(a.id());
		String twice = "Sent once " + marker();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("formToken", token)
					.param("to", String.valueOf(b.id())).param("body", twice)).andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.queryForObject("select count(*) from partner_message where body = ?", Integer.class, twice)).isEqualTo(1);
		String expired = html(mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("formToken", "forged")
				.param("to", String.valueOf(b.id())).param("body", "Kept words " + a.username())).andExpect(status().isOk()));
		assertThat(expired).contains("Kept words " + a.username());
		assertThat(html(mvc.perform(get("/partners").with(user(c))))).doesNotContain(secret);
		// c may neither write to b as if a partner, nor flag their messages.
		mvc.perform(post("/partners/messages").with(user(c)).with(csrf()).param("formToken", formTokens.issue(c.id())).param("to", String.valueOf(b.id()))
				.param("body", "hi")).andExpect(status().isConflict());
		mvc.perform(post("/partners/messages/" + rudeId + "/flag").with(user(c)).with(csrf()))
				.andExpect(status().isNotFound());
		// The sender cannot flag their own message either.
		mvc.perform(post("/partners/messages/" + rudeId + "/flag").with(user(a)).with(csrf()))
				.andExpect(status().isNotFound());
		String empty = html(mvc.perform(post("/partners/messages").with(user(a)).with(csrf())
				.param("to", String.valueOf(b.id())).param("body", "   ")).andExpect(status().isOk()));
		assertThat(empty).contains("Please write a message first.");

		mvc.perform(post("/partners/messages/" + rudeId + "/flag").with(user(b)).with(csrf()).param("note", "Hurtful"))
				.andExpect(status().is3xxRedirection());
		assertThat(partnerships.partnership(partnership).orElseThrow().status()).isEqualTo("ENDED");
		MemberPrincipal mod = members.create("pmod");
		jdbc.update("update member set role = 'MODERATOR' where id = ?", mod.id());
		MemberPrincipal moderator = new MemberPrincipal(mod.id(), mod.username(), mod.displayName(), mod.zoneId(),
				Role.MODERATOR, mod.password());
		String queue = html(mvc.perform(get("/mod/partner-messages").with(user(moderator))).andExpect(status().isOk()));
		assertThat(queue).contains(rude, "Hurtful").doesNotContain(secret);
		mvc.perform(get("/mod/partner-messages").with(user(c))).andExpect(status().isForbidden());
		// A message to a former partner is refused.
		mvc.perform(post("/partners/messages").with(user(a)).with(csrf()).param("formToken", formTokens.issue(a.id())).param("to", String.valueOf(b.id()))
				.param("body", "are you there?")).andExpect(status().isConflict());
		assertThat(html(mvc.perform(get("/partners").with(user(b))))).doesNotContain(secret);
	}

	@Test
	void aBlockEndsThePartnershipAtOnceAndThePairIsNeverProposedAgain() {
		MemberPrincipal a = looking("blocka");
		MemberPrincipal b = looking("blockb");
		long partnership = partnered(a, b);
		memberService.block(b.id(), a.id());
		assertThat(partnerships.partnership(partnership).orElseThrow().status()).isEqualTo("ENDED");
		assertThat(partnerships.activeOf(a.id(), clock.instant())).isEmpty();
		onlyLooking(a, b);
		assertThat(matching.matchAll(clock.instant()).proposed()).isEmpty();
	}

	@Test
	void reportingAPostOfTheProposedPartnerWithdrawsTheProposal() {
		MemberPrincipal a = looking("flaga", Visibility.MEMBERS, "Europe/London");
		MemberPrincipal b = looking("flagb");
		onlyLooking(a, b);
		matching.matchAll(clock.instant());
		long proposal = proposalOf(a);
		long post = jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class, planOf(a));
		moderation.flag(post, b.id(), FlagReason.UNKIND, "");
		assertThat(partnerships.proposal(proposal).orElseThrow().status()).isEqualTo("WITHDRAWN");
		assertThat(jdbc.queryForObject("select count(*) from partner_busy where proposal_id = ?", Integer.class, proposal))
				.isZero();
		onlyLooking(a, b);
		assertThat(matching.matchAll(clock.instant()).proposed()).isEmpty();
	}

	@Test
	void aNudgeGoesOutOncePerLocalDayAfterTheUsualHourAndTheGrace() {
		MemberPrincipal a = looking("nudgea", Visibility.PARTNER, "Pacific/Auckland");
		MemberPrincipal b = looking("nudgeb", Visibility.PARTNER, "Pacific/Auckland");
		long partnership = partnered(a, b);
		// Usual hour 20:00 plus 2 hours of grace in Auckland: late from 22:00 local.
		ZoneId auckland = ZoneId.of("Pacific/Auckland");
		LocalDate day = LocalDate.now(auckland).plusDays(3);
		Instant before = day.atTime(21, 59).atZone(auckland).toInstant();
		Instant after = day.atTime(22, 1).atZone(auckland).toInstant();
		jdbc.update("update partnership set ends_at = ? where id = ?",
				LocalDateTime.ofInstant(after.plus(Duration.ofDays(30)), ZoneOffset.UTC), partnership);
		assertThat(nudged(partnership, before)).isZero();
		assertThat(nudged(partnership, after)).isEqualTo(2);
		assertThat(nudged(partnership, after.plusSeconds(600))).isZero();
		assertThat(events.stream(NudgeSent.class).filter(e -> e.partnershipId() == partnership))
				.contains(new NudgeSent(partnership, a.id(), b.id(), day), new NudgeSent(partnership, b.id(), a.id(), day));
		assertThat(jdbc.queryForObject("select count(*) from partner_nudge where partnership_id = ?", Integer.class,
				partnership)).isEqualTo(2);
	}

	/** How many nudges about this partnership one run sends at {@code now}. */
	private long nudged(long partnership, Instant now) {
		long before = events.stream(NudgeSent.class).filter(e -> e.partnershipId() == partnership).count();
		nudges.sendDue(now);
		return events.stream(NudgeSent.class).filter(e -> e.partnershipId() == partnership).count() - before;
	}

	@Test
	void anUnansweredSosGoesToHelpersAfterFifteenMinutesOnce() throws Exception {
		MemberPrincipal a = looking("sosa");
		MemberPrincipal b = looking("sosb");
		MemberPrincipal helper = looking("sosh");
		profiles.save(helper.id(), new PartnerProfiles.Draft(false, 20, Set.of(), "", true));
		long partnership = partnered(a, b);
		Instant t0 = clock.instant();
		long id = sos.raise(a.id(), t0);
		assertThat(sos.raise(a.id(), t0.plusSeconds(5))).isEqualTo(id);
		assertThat(events.stream(SosRaised.class)).contains(new SosRaised(id, a.id(), b.id()));
		assertThat(html(mvc.perform(get("/partners").with(user(b))))).contains("needs you now");
		String page = html(mvc.perform(get("/partners/sos/" + id).with(user(a))).andExpect(status().isOk()));
		assertThat(page).contains("Nothing, ever. Not even friends.", "I deserve peace", "Walk around the block",
				"<progress", "minute(s) to go").doesNotContain("volunteer helpers have been asked");
		mvc.perform(get("/partners/sos/" + id).with(user(helper))).andExpect(status().isNotFound());

		assertThat(sos.escalateDue(t0.plus(Duration.ofMinutes(14)))).isZero();
		assertThat(sos.escalateDue(t0.plus(Duration.ofMinutes(15)).plusSeconds(1))).isGreaterThanOrEqualTo(1);
		assertThat(sos.escalateDue(t0.plus(Duration.ofMinutes(16)))).isZero();
		assertThat(events.stream(SosEscalated.class).filter(e -> e.sosId() == id)).singleElement()
				.satisfies(e -> assertThat(e.helperIds()).contains(helper.id()).doesNotContain(a.id(), b.id()));
		assertThat(html(mvc.perform(get("/partners/sos/" + id).with(user(a))))).contains(
				"volunteer helpers have been asked", "Samaritans");
		mvc.perform(post("/partners/sos/" + id + "/answer").with(user(helper)).with(csrf()).param("note", "I'm with you"))
				.andExpect(status().is3xxRedirection());
		assertThat(events.stream(SosAnswered.class)).contains(new SosAnswered(id, a.id(), helper.id()));
		mvc.perform(post("/partners/sos/" + id + "/answer").with(user(b)).with(csrf()))
				.andExpect(status().isConflict());
		assertThat(html(mvc.perform(get("/partners/sos/" + id).with(user(a))))).contains("is here for you", "I'm with you");
		assertThat(partnership).isPositive();
	}

	@Test
	void thePartnerPageAndTheForumCostAFixedNumberOfStatements() throws Exception {
		MemberPrincipal a = looking("counta");
		MemberPrincipal b = looking("countb");
		partnered(a, b);
		for (int i = 0; i < 20; i++) {
			messages.send(i % 2 == 0 ? a.id() : b.id(), i % 2 == 0 ? b.id() : a.id(), "Message " + i,
					formTokens.issue(i % 2 == 0 ? a.id() : b.id()), clock.instant());
		}
		mvc.perform(get("/partners").with(user(a))).andExpect(status().isOk());
		int hub = statements.count(() -> mvc.perform(get("/partners").with(user(a))).andExpect(status().isOk()));
		int latest = statements.count(() -> mvc.perform(get("/latest").with(user(a))).andExpect(status().isOk()));
		assertThat(hub).isLessThanOrEqualTo(22);
		assertThat(latest).isLessThanOrEqualTo(6);
	}

	@Test
	void thePartnerMayAnswerAPartnerOnlyCheckInWhileThePartnershipLasts() throws Exception {
		MemberPrincipal a = looking("answera");
		MemberPrincipal b = looking("answerb");
		long partnership = partnered(a, b);
		long plan = planOf(a);
		mvc.perform(post("/t/" + plan + "/reply").with(user(b)).with(csrf()).param("body", "Proud of you today.")
				.param("formToken", formTokens.issue(b.id()))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from post where topic_id = ? and author_id = ?", Integer.class,
				plan, b.id())).isEqualTo(1);
		partnerships.end(partnership, a.id(), clock.instant());
		mvc.perform(post("/t/" + plan + "/reply").with(user(b)).with(csrf()).param("body", "Still here?")
				.param("formToken", formTokens.issue(b.id()))).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from post where topic_id = ? and author_id = ?", Integer.class,
				plan, b.id())).isEqualTo(1);
	}

	@Autowired
	DigestPartnerSource digestPartners;

	@Test
	void partnerEventsReachTheRightMemberAsNotificationsAndTheDigestKnowsTheCurrentPartner() throws Exception {
		MemberPrincipal a = looking("notea");
		MemberPrincipal b = looking("noteb");
		long partnership = partnered(a, b);
		awaitNotification(b, "PARTNER_PROPOSAL", a);
		awaitNotification(a, "PARTNER_ACCEPTED", b);
		awaitNotification(b, "PARTNER_ACCEPTED", a);
		assertThat(digestPartners.partnersOf(List.of(a.id(), b.id(), 999_999_999L)))
				.containsEntry(a.id(), b.id()).containsEntry(b.id(), a.id()).hasSize(2);

		long id = sos.raise(a.id(), clock.instant());
		awaitNotification(b, "PARTNER_SOS", a);
		assertThat(jdbc.queryForObject("select link from notification where member_id = ? and kind = 'PARTNER_SOS'",
				String.class, b.id())).isEqualTo("/partners/sos/" + id);
		// SOS calls are mailed unless the partner turned that off.
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where member_id = ?", Integer.class, b.id()))
				.isPositive();
		// The one who raised it is not told of their own SOS.
		assertThat(jdbc.queryForObject("select count(*) from notification where member_id = ? and kind = 'PARTNER_SOS'",
				Integer.class, a.id())).isZero();

		partnerships.end(partnership, a.id(), clock.instant());
		awaitNotification(b, "PARTNER_ENDED", a);
		assertThat(digestPartners.partnersOf(List.of(a.id(), b.id()))).isEmpty();
	}

	@Test
	void aWarnedMemberIsStillMatchedButASilencedOneWaitsUntilTheSilenceEnds() {
		MemberPrincipal admin = members.admin("matchjudge");
		MemberPrincipal warned = looking("warned");
		MemberPrincipal silenced = looking("silencedm");
		MemberPrincipal other = looking("othermatch");
		moderation.sanction(warned.id(), admin.id(), SanctionKind.WARN, null, "Please be gentle");
		moderation.sanction(silenced.id(), admin.id(), SanctionKind.SILENCE, Duration.ofDays(3),
				"A pause");
		onlyLooking(warned, silenced, other);
		var run = matching.matchAll(clock.instant());
		assertThat(run.proposed()).hasSize(1);
		assertThat(proposalOf(warned)).isEqualTo(proposalOf(other));
		assertThat(jdbc.queryForObject("select count(*) from partner_busy where member_id = ?", Integer.class, silenced.id()))
				.isZero();
		assertThat(matching.findFor(silenced.id(), clock.instant())).isEqualTo(PartnerMatching.Found.SANCTIONED);
		moderation.lift(silenced.id(), admin.id(), "over");
		assertThat(matching.findFor(silenced.id(), clock.instant())).isNotEqualTo(PartnerMatching.Found.SANCTIONED);
	}

	@Test
	void sosPressedTenTimesAtOnceRaisesOneAlertOneNotificationAndOneMail() throws Exception {
		LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		MemberPrincipal a = looking("manysosa");
		MemberPrincipal b = looking("manysosb");
		long partnership = partnered(a, b);
		awaitNotification(b, "PARTNER_ACCEPTED", a);
		jdbc.update("update member set email_verified = true where id = ?", b.id());
		settle(since);
		int mailsBefore = count("select count(*) from mail_outbox where member_id = ?", b.id());
		var pool = Executors.newFixedThreadPool(10);
		var start = new CountDownLatch(1);
		try {
			List<Future<String>> presses = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				presses.add(pool.submit(() -> {
					start.await();
					var response = mvc.perform(post("/partners/sos").with(user(a)).with(csrf())).andReturn().getResponse();
					return response.getStatus() + " " + response.getRedirectedUrl();
				}));
			}
			start.countDown();
			Set<String> answers = new HashSet<>();
			for (var press : presses) {
				answers.add(press.get());
			}
			long id = jdbc.queryForObject("select id from partner_sos where partnership_id = ?", Long.class, partnership);
			// Every press leads to the same SOS page.
			assertThat(answers).containsExactly("302 /partners/sos/" + id);
		}
		finally {
			pool.shutdown();
		}
		awaitNotification(b, "PARTNER_SOS", a);
		settle(since);
		assertThat(count("select count(*) from partner_sos where partnership_id = ?", partnership)).isEqualTo(1);
		assertThat(count("select count(*) from notification where member_id = ? and kind = 'PARTNER_SOS'", b.id())).isEqualTo(1);
		assertThat(count("select count(*) from mail_outbox where member_id = ?", b.id()) - mailsBefore).isEqualTo(1);
		// Once it is over, a new SOS is a new alert.
		long first = jdbc.queryForObject("select id from partner_sos where partnership_id = ?", Long.class, partnership);
		sos.close(first, a.id());
		assertThat(sos.raise(a.id(), clock.instant())).isNotEqualTo(first);
		assertThat(count("select count(*) from partner_sos where partnership_id = ?", partnership)).isEqualTo(2);
	}

	@Test
	void aFormerPartnerGetsNotFoundForAnOldSos() throws Exception {
		MemberPrincipal a = looking("oldsosa");
		MemberPrincipal b = looking("oldsosb");
		long partnership = partnered(a, b);
		long id = sos.raise(a.id(), clock.instant());
		mvc.perform(get("/partners/sos/" + id).with(user(b))).andExpect(status().isOk());
		mvc.perform(post("/partners/sos/" + id + "/answer").with(user(b)).with(csrf()).param("note", "On my way"))
				.andExpect(status().is3xxRedirection());
		partnerships.end(partnership, a.id(), clock.instant());
		// Not even as the one who answered it, nor as a volunteer helper once it had escalated.
		profiles.save(b.id(), new PartnerProfiles.Draft(false, 20, Set.of(), "", true));
		assertThat(html(mvc.perform(get("/partners/sos/" + id).with(user(b))).andExpect(status().isNotFound())))
				.doesNotContain("On my way");
		long second = jdbc.queryForObject("select count(*) from partner_sos where partnership_id = ?", Long.class, partnership);
		assertThat(second).isEqualTo(1);
		// The member keeps their own page.
		mvc.perform(get("/partners/sos/" + id).with(user(a))).andExpect(status().isOk());
	}

	@Test
	void aFormerPartnerCanNeitherSeeNorAnswerAnOldSosThatEscalated() throws Exception {
		MemberPrincipal a = looking("escsosa");
		MemberPrincipal b = looking("escsosb");
		long partnership = partnered(a, b);
		Instant t0 = clock.instant();
		long id = sos.raise(a.id(), t0);
		partnerships.end(partnership, a.id(), t0);
		profiles.save(b.id(), new PartnerProfiles.Draft(false, 20, Set.of(), "", true));
		sos.escalateDue(t0.plus(Duration.ofHours(1)));
		assertThat(sos.find(id).orElseThrow().status()).isEqualTo(SosAlerts.Status.ESCALATED);
		mvc.perform(get("/partners/sos/" + id).with(user(b))).andExpect(status().isNotFound());
		mvc.perform(post("/partners/sos/" + id + "/answer").with(user(b)).with(csrf()).param("note", "Still here"))
				.andExpect(status().isNotFound());
		assertThat(sos.find(id).orElseThrow().status()).isEqualTo(SosAlerts.Status.ESCALATED);
	}

	private int count(String sql, Object... params) {
		return jdbc.queryForObject(sql, Integer.class, params);
	}

	/** Module listeners run after commit on other threads: waits until every published event was handled. */
	private void settle(LocalDateTime since) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline && count(
				"select count(*) from event_publication where completion_date is null and publication_date >= ?", since) > 0) {
			Thread.sleep(20);
		}
	}

	private void awaitNotification(MemberPrincipal to, String kind, MemberPrincipal actor) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Integer found = jdbc.queryForObject("select count(*) from notification where member_id = ? and kind = ? and actor_id = ?",
					Integer.class, to.id(), kind, actor.id());
			if (found > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No " + kind + " notification for " + to.username() + " from " + actor.username());
	}
}
