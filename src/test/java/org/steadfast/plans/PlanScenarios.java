package org.steadfast.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.Role;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Visibility;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/** Plans and check-ins through their pages. Runs on H2 ({@link PlansH2IT}) and MariaDB ({@link PlansMariaDbIT}). */
abstract class PlanScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	FormTokens formTokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	StatementCounter statements;

	@Autowired
	TopicService topics;

	LocalDate today(MemberPrincipal m) {
		return PlanCalendar.today(clock, m.zone());
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	MockHttpServletRequestBuilder planForm(MemberPrincipal me, String title, String start, String visibility) {
		return post("/plans/new").with(user(me)).with(csrf()).param("title", title)
				.param("statement", "A relationship again, or nothing. Not friends.").param("startDate", start)
				.param("target", "30").param("customDays", "").param("reasons", "My self-respect")
				.param("triggers", "Late nights").param("instead", "Call my sister").param("visibility", visibility)
				.param("keyDay", today(me).plusDays(12).toString(), "").param("keyLabel", "Their birthday", "")
				.param("keyNote", "Stay with friends", "").param("formToken", formTokens.issue(me.id()));
	}

	long createPlan(MemberPrincipal me, String visibility, LocalDate start) throws Exception {
		String location = mvc.perform(planForm(me, "No contact, for me " + me.username(), start.toString(), visibility))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/plans/\\d+");
		return Long.parseLong(location.substring("/plans/".length()));
	}

	ResultActions checkIn(MemberPrincipal me, long plan, String day, String kept, String mood, String urge, String note)
			throws Exception {
		return mvc.perform(post("/plans/" + plan + "/checkin").with(user(me)).with(csrf()).param("day", day)
				.param("kept", kept).param("mood", mood).param("urge", urge).param("note", note)
				.param("formToken", formTokens.issue(me.id())));
	}

	@Test
	void aMemberWritesAPlanAndSeesDaySeventeenSixteenDaysLater() throws Exception {
		MemberPrincipal me = members.create("planner");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(16));
		String page = html(mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk()));
		assertThat(page).contains("Day 17", "17 of 30 days", "Next milestone: 21 days, in 4 days",
				"Their birthday is in 12 days", "Stay with friends", "A relationship again, or nothing. Not friends.",
				"Today's check-in");
		assertThat(jdbc.queryForObject("select kind from topic where id = ?", String.class, plan)).isEqualTo("PLAN");
		String slug = jdbc.queryForObject("select slug from topic where id = ?", String.class, plan);
		assertThat(html(mvc.perform(get("/t/" + plan + "/" + slug).with(user(me))))).contains("Call my sister",
				"/plans/" + plan);
		mvc.perform(get("/plans/mine").with(user(me))).andExpect(
				MockMvcResultMatchers.redirectedUrl("/plans/" + plan));
	}

	@Test
	void aMemberHasOneActivePlanAtATime() throws Exception {
		MemberPrincipal me = members.create("onlyone");
		long first = createPlan(me, "PRIVATE", today(me));
		String page = html(mvc.perform(planForm(me, "A second plan please", today(me).toString(), "PRIVATE"))
				.andExpect(status().isOk()));
		assertThat(page).contains("You already have an active plan", "A second plan please");
		mvc.perform(post("/plans/" + first + "/end").with(user(me)).with(csrf()).param("outcome", "FINISHED"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/plans/new").with(user(me))))).contains("Your plans",
				"No contact, for me " + me.username(), "Finished");
		String ended = html(mvc.perform(post("/plans/" + first + "/checkin").with(user(me)).with(csrf())
				.param("day", "today").param("kept", "yes").param("mood", "3").param("urge", "3")
				.param("note", "Written in an old tab").param("formToken", formTokens.issue(me.id())))
				.andExpect(status().isOk()));
		assertThat(ended).contains("This plan has ended", "Written in an old tab").doesNotContain("name=\"kept\"");
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, first)).isZero();
		long second = createPlan(me, "PRIVATE", today(me));
		assertThat(second).isNotEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from plan where member_id = ?", Integer.class, me.id())).isEqualTo(2);
	}

	@Test
	void badPlanInputComesBackWithMessagesAndNothingIsSaved() throws Exception {
		MemberPrincipal me = members.create("badplan");
		int before = jdbc.queryForObject("select count(*) from plan", Integer.class);
		String page = html(mvc.perform(post("/plans/new").with(user(me)).with(csrf()).param("title", "Hey")
				.param("statement", "My words stay").param("startDate", today(me).plusDays(3).toString())
				.param("target", "custom").param("customDays", "10000").param("visibility", "EVERYONE")
				.param("formToken", formTokens.issue(me.id()))).andExpect(status().isOk()));
		assertThat(page).contains("A title has 5 to 150", "can't be in the future", "between 1 and 3,650",
				"Please choose who can see your plan", "My words stay");
		String early = html(mvc.perform(post("/plans/new").with(user(me)).with(csrf()).param("title", "Long ago plan")
				.param("startDate", "1969-07-20").param("target", "custom").param("customDays", "0")
				.param("visibility", "PRIVATE").param("formToken", formTokens.issue(me.id()))));
		assertThat(early).contains("after 1970", "between 1 and 3,650");
		assertThat(jdbc.queryForObject("select count(*) from plan", Integer.class)).isEqualTo(before);
	}

	@Test
	void aCheckInIsAPostInThePlanAndASecondOneThatDayReplacesIt() throws Exception {
		MemberPrincipal me = members.create("checker");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(4));
		checkIn(me, plan, "today", "yes", "4", "6", "Walked instead of texting.").andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, plan)).isEqualTo(1);
		var post = jdbc.queryForMap("select p.source, p.number from post p join check_in c on c.post_id = p.id "
				+ "join plan pl on pl.id = c.plan_id where pl.topic_id = ?", plan);
		assertThat((String) post.get("source")).contains("**Day 5**", "mood 4/5", "urge 6/10", "Walked instead of texting.");

		var again = checkIn(me, plan, "today", "yes", "2", "9", "Harder evening.").andExpect(status().is3xxRedirection());
		assertThat(again.andReturn().getFlashMap().get("notice")).isEqualTo("checkin.replaced");
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, plan)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select mood from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, plan)).isEqualTo(2);
		checkIn(me, plan, "yesterday", "yes", "3", "5", "").andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, plan)).isEqualTo(2);
	}

	@Test
	void badCheckInsAreRefusedWithTheInputKept() throws Exception {
		MemberPrincipal me = members.create("badcheck");
		MemberPrincipal other = members.create("intruder");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(2));
		String page = html(checkIn(me, plan, "today", "yes", "9", "-1", "Kept note").andExpect(status().isOk()));
		assertThat(page).contains("Please choose a mood from 1 to 5", "Please give a number from 0 to 10", "Kept note");
		String future = html(checkIn(me, plan, today(me).plusDays(1).toString(), "yes", "3", "3", "")
				.andExpect(status().isOk()));
		assertThat(future).contains("A check-in is for today or yesterday");
		checkIn(other, plan, "today", "yes", "3", "3", "not mine").andExpect(status().isForbidden());
		checkIn(me, 999_999_999L, "today", "yes", "3", "3", "").andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Integer.class, plan)).isZero();
	}

	@Test
	void aRefusedCheckInKeepsItsNoteAsADraftUntilTheCheckInIsSaved() throws Exception {
		MemberPrincipal me = members.create("notekeeper");
		MemberPrincipal other = members.create("peeker");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(2));
		checkIn(me, plan, "today", "yes", "9", "4", "Tonight was hard but I held on").andExpect(status().isOk());
		String page = html(mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk()));
		assertThat(page).contains("This is the draft you saved.", "Tonight was hard but I held on", "Discard draft");
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(other))).andExpect(status().isOk())))
				.doesNotContain("Tonight was hard", "This is the draft you saved.");
		checkIn(me, plan, "today", "yes", "3", "4", "Tonight was hard but I held on").andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from draft where member_id = ?", Integer.class, me.id())).isZero();
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk())))
				.doesNotContain("This is the draft you saved.");
	}

	@Test
	void aSlipEndsTheStreakKindlyAndKeepsEverythingCounted() throws Exception {
		MemberPrincipal me = members.create("slipper");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(20));
		mvc.perform(post("/plans/" + plan + "/slip").with(user(me)).with(csrf()).param("day", today(me).minusDays(5).toString())
				.param("kind", "TEXTED").param("initiatedBy", "ME").param("note", "After the party"))
				.andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/plans/" + plan).with(user(me))));
		assertThat(page).contains("Day 5", "Longest streak: 15 days", "Days of no contact in all: 20", "One fresh start.",
				"After the party");
		MemberPrincipal reader = members.create("reader");
		String seenByOther = html(mvc.perform(get("/plans/" + plan).with(user(reader))));
		assertThat(seenByOther).contains("Day 5", "a fresh start").doesNotContain("After the party", "a text,", "I reached out");

		mvc.perform(post("/plans/" + plan + "/slip").with(user(me)).with(csrf()).param("day", today(me).toString())
				.param("kind", "CALLED").param("initiatedBy", "THEM").param("note", ""));
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(me))))).contains("A fresh start begins tomorrow");
	}

	String asGuestOr(MemberPrincipal reader, String path) throws Exception {
		var request = reader == null ? get(path) : get(path).with(user(reader));
		return html(mvc.perform(request).andExpect(status().isOk()));
	}

	@Test
	void whatHappenedInASlipAndWhoStartedItAreTheOwnersUntilTheyShareThatSlipsStory() throws Exception {
		MemberPrincipal me = members.create("story");
		long plan = createPlan(me, "PUBLIC", today(me).minusDays(20));
		LocalDate day = today(me).minusDays(5);
		assertThat(html(mvc.perform(get("/plans/" + plan + "/slip").with(user(me))).andExpect(status().isOk())))
				.contains("People who can see your plan see only that you made a fresh start on that day");
		mvc.perform(post("/plans/" + plan + "/slip").with(user(me)).with(csrf()).param("day", day.toString())
				.param("kind", "MET").param("initiatedBy", "THEM").param("note", "Wedding of Sam, we talked for hours"))
				.andExpect(status().is3xxRedirection());
		long slip = jdbc.queryForObject("select s.id from plan_slip s join plan p on p.id = s.plan_id where p.topic_id = ?",
				Long.class, plan);

		String own = asGuestOr(me, "/plans/" + plan);
		assertThat(own).contains(day.toString(), "we met", "they reached out", "Wedding of Sam", "Share this story",
				"Anyone, even without an account, sees the day of each fresh start");
		MemberPrincipal other = members.create("nosy");
		MemberPrincipal mod = moderator(members.create("slipmod"));
		for (MemberPrincipal reader : Arrays.asList(null, other, mod)) {
			String who = reader == null ? "guest" : reader.username();
			String page = asGuestOr(reader, "/plans/" + plan);
			assertThat(page).as(who).contains(day.toString(), "a fresh start", "One fresh start.")
					.doesNotContain("we met", "they reached out", "Wedding of Sam", "Share this story", "Story shared");
			for (String path : List.of("/checkins", "/checkins?view=encourage", "/latest", "/u/" + me.username(),
					"/search?q=wedding", "/search?q=Sam")) {
				assertThat(asGuestOr(reader, path)).as(who + " " + path).doesNotContain("we met", "Wedding of Sam");
			}
		}

		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(me)).param("shared", "true"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(other)).with(csrf())
				.param("shared", "true")).andExpect(status().isForbidden());
		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(csrf()).param("shared", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(asGuestOr(null, "/plans/" + plan)).doesNotContain("we met");

		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(me)).with(csrf()).param("shared", "true"))
				.andExpect(status().is3xxRedirection()).andExpect(MockMvcResultMatchers.redirectedUrl("/plans/" + plan + "#slips"));
		for (MemberPrincipal reader : Arrays.asList(null, other)) {
			assertThat(asGuestOr(reader, "/plans/" + plan)).contains("we met", "they reached out")
					.doesNotContain("Wedding of Sam");
		}
		assertThat(asGuestOr(me, "/plans/" + plan)).contains("Story shared", "Stop sharing");

		mvc.perform(post("/plans/" + plan + "/slips/" + slip + "/share").with(user(me)).with(csrf()).param("shared", "false"))
				.andExpect(status().is3xxRedirection());
		assertThat(asGuestOr(null, "/plans/" + plan)).contains("a fresh start").doesNotContain("we met", "they reached out");

		MemberPrincipal someoneElse = members.create("another");
		long theirs = createPlan(someoneElse, "PUBLIC", today(someoneElse).minusDays(3));
		mvc.perform(post("/plans/" + theirs + "/slips/" + slip + "/share").with(user(someoneElse)).with(csrf())
				.param("shared", "true")).andExpect(status().isNotFound());
		mvc.perform(post("/plans/" + plan + "/slips/999999999/share").with(user(me)).with(csrf()).param("shared", "true"))
				.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select shared from plan_slip where id = ?", Boolean.class, slip)).isFalse();
	}

	@Test
	void theContactLogSaysWhoSeesItAndNobodyElseDoesNotEvenModerators() throws Exception {
		MemberPrincipal me = members.create("logger");
		long plan = createPlan(me, "PUBLIC", today(me).minusDays(9));
		mvc.perform(post("/plans/" + plan + "/contact").with(user(me)).with(csrf()).param("day", today(me).toString())
				.param("channel", "CALL").param("offered", "Can we get coffee as friends").param("response", "Silence"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/plans/" + plan + "/contact").with(user(me))).andExpect(status().isOk())))
				.contains("Only you can see this log. Nobody else sees it", "not the moderators", "coffee as friends")
				.doesNotContain("whoever can see your plan.");
		MemberPrincipal mod = moderator(members.create("logmod"));
		mvc.perform(get("/plans/" + plan + "/contact").with(user(mod))).andExpect(status().isForbidden());
		for (MemberPrincipal reader : Arrays.asList(null, mod)) {
			for (String path : List.of("/plans/" + plan, "/checkins", "/u/" + me.username(), "/search?q=coffee")) {
				assertThat(asGuestOr(reader, path)).as(path).doesNotContain("coffee as friends");
			}
		}
	}

	@Test
	void notKeepingNoContactOffersToRecordTheSlip() throws Exception {
		MemberPrincipal me = members.create("honest");
		long plan = createPlan(me, "PRIVATE", today(me).minusDays(3));
		String location = checkIn(me, plan, "today", "no", "2", "8", "I called.").andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/plans/" + plan + "/slip?day=" + today(me));
		assertThat(html(mvc.perform(get(location).with(user(me))))).contains("I broke no contact", today(me).toString());
	}

	@Test
	void theyReachedOutIsLoggedPrivatelyAndDoesNotResetTheStreak() throws Exception {
		MemberPrincipal me = members.create("reached");
		long plan = createPlan(me, "PUBLIC", today(me).minusDays(9));
		mvc.perform(post("/plans/" + plan + "/contact").with(user(me)).with(csrf()).param("day", today(me).toString())
				.param("channel", "TEXT").param("offered", "hey, how are you? miss our talks").param("response", "Nothing"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/plans/" + plan + "/contact").with(user(me))))).contains("miss our talks",
				"the plan holds");
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(me))))).contains("Day 10");
		MemberPrincipal other = members.create("curious");
		mvc.perform(get("/plans/" + plan + "/contact").with(user(other))).andExpect(status().isForbidden());
		assertThat(html(mvc.perform(get("/plans/" + plan)))).doesNotContain("miss our talks");
		String bad = html(mvc.perform(post("/plans/" + plan + "/contact").with(user(me)).with(csrf())
				.param("day", today(me).plusDays(2).toString()).param("channel", "OWL").param("offered", "kept words")));
		assertThat(bad).contains("in the future", "Please say how they reached out", "kept words");
	}

	@Test
	void milestonesArePublishedOncePerStreak() throws Exception {
		MemberPrincipal me = members.create("milestone");
		long plan = createPlan(me, "MEMBERS", today(me).minusDays(6));
		checkIn(me, plan, "today", "yes", "4", "2", "").andExpect(status().is3xxRedirection());
		checkIn(me, plan, "today", "yes", "5", "1", "").andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForList("select days from plan_milestone m join plan p on p.id = m.plan_id where p.topic_id = ? order by days",
				Integer.class, plan)).containsExactly(1, 3, 7);
		assertThat(html(mvc.perform(get("/plans/" + plan).with(user(me))))).contains("Milestones reached");
	}

	MemberPrincipal moderator(MemberPrincipal m) {
		return new MemberPrincipal(m.id(), m.username(), m.displayName(), m.zoneId(), Role.MODERATOR, m.password());
	}

	@Test
	void visibilityHoldsForEveryReaderOnEveryPage() throws Exception {
		for (Visibility visibility : Visibility.values()) {
			MemberPrincipal author = members.create("vis");
			MemberPrincipal other = members.create("oth");
			MemberPrincipal mod = moderator(members.create("mod"));
			long plan = createPlan(author, visibility.name(), today(author).minusDays(2));
			checkIn(author, plan, "today", "yes", "1", "9", "Marker " + visibility + author.username())
					.andExpect(status().is3xxRedirection());
			String marker = "Marker " + visibility + author.username();
			boolean guestSees = visibility == Visibility.PUBLIC;
			boolean memberSees = visibility == Visibility.PUBLIC || visibility == Visibility.MEMBERS;
			check(null, plan, author, marker, guestSees, visibility);
			check(other, plan, author, marker, memberSees, visibility);
			check(mod, plan, author, marker, memberSees, visibility);
			check(author, plan, author, marker, true, visibility);
		}
	}

	private void check(MemberPrincipal reader, long plan, MemberPrincipal author, String marker, boolean sees,
			Visibility visibility) throws Exception {
		String who = (reader == null ? "guest" : reader.username()) + " on " + visibility;
		var planPage = reader == null ? get("/plans/" + plan) : get("/plans/" + plan).with(user(reader));
		assertThat(mvc.perform(planPage).andReturn().getResponse().getStatus()).as(who + " plan page").isEqualTo(sees ? 200 : 404);
		for (String page : List.of("/checkins", "/checkins?view=encourage", "/latest", "/u/" + author.username())) {
			var request = reader == null ? get(page) : get(page).with(user(reader));
			String body = html(mvc.perform(request));
			if (page.startsWith("/checkins")) {
				assertThat(body.contains(marker)).as(who + " " + page).isEqualTo(sees);
			}
			else {
				assertThat(body.contains("No contact, for me " + author.username())).as(who + " " + page).isEqualTo(sees);
			}
		}
	}

	@Test
	void thePlanPageCostsAFixedNumberOfStatementsWithAYearOfCheckIns() throws Exception {
		MemberPrincipal me = members.create("yearlong");
		LocalDate start = today(me).minusDays(365);
		long plan = createPlan(me, "MEMBERS", start);
		long planId = jdbc.queryForObject("select id from plan where topic_id = ?", Long.class, plan);
		for (int i = 0; i < 365; i++) {
			var post = topics.reply(plan, me.id(), false, "Day " + (i + 1) + " check-in", formTokens.issue(me.id()));
			jdbc.update("insert into check_in (post_id, plan_id, on_day, kept_no_contact, mood, urge, note) values (?, ?, ?, ?, ?, ?, ?)",
					post.getId(), planId, start.plusDays(i), true, 1 + i % 5, i % 11, "");
		}
		mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk());
		int owner = statements.count(() -> mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk()));
		MemberPrincipal peer = members.create("peer");
		int reader = statements.count(() -> mvc.perform(get("/plans/" + plan).with(user(peer))).andExpect(status().isOk()));
		System.out.println("Plan page statements: owner " + owner + ", reader " + reader);
		assertThat(owner).isLessThanOrEqualTo(8);
		assertThat(reader).isLessThanOrEqualTo(8);
		String page = html(mvc.perform(get("/plans/" + plan).with(user(me))));
		assertThat(page).contains("Day 366", "<svg");
		int feed = statements.count(() -> mvc.perform(get("/checkins").with(user(me))).andExpect(status().isOk()));
		assertThat(feed).isLessThanOrEqualTo(4);
	}
}
