package org.steadfast.plans;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A plan's purpose and the guidance that follows it. Runs on H2 ({@link PurposesH2IT}) and MariaDB ({@link PurposesMariaDbIT}). */
abstract class PurposeScenarios {

	/** Words that suggest talking to the person, or restate the statement as said to them. */
	static final List<String> TALK = List.of("time to talk", "told them", "talk to them", "Before you answer",
			"before you reply");

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

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	ResultActions create(MemberPrincipal me, String purpose, LocalDate start) throws Exception {
		return mvc.perform(post("/plans/new").with(user(me)).with(csrf()).param("purpose", purpose)
				.param("title", "No contact, for me " + me.username()).param("statement", "Words for myself only")
				.param("startDate", start.toString()).param("target", "30").param("customDays", "")
				.param("reasons", "My peace").param("triggers", "Nights").param("instead", "Call my sister")
				.param("visibility", "MEMBERS").param("formToken", formTokens.issue(me.id())));
	}

	long plan(MemberPrincipal me, String purpose) throws Exception {
		return plan(me, purpose, PlanCalendar.today(clock, me.zone()));
	}

	long plan(MemberPrincipal me, String purpose, LocalDate start) throws Exception {
		String location = create(me, purpose, start).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		return Long.parseLong(location.substring("/plans/".length()));
	}

	String guide(MemberPrincipal me, long plan) throws Exception {
		String page = html(mvc.perform(get("/plans/" + plan + "/contact").with(user(me))).andExpect(status().isOk()));
		return page.substring(page.indexOf("<aside class=\"guide\""), page.indexOf("</aside>", page.indexOf("<aside class=\"guide\"")));
	}

	boolean discreet(MemberPrincipal me) {
		return jdbc.queryForList("select discreet from mail_setting where member_id = ?", Boolean.class, me.id())
				.stream().anyMatch(Boolean.TRUE::equals);
	}

	@Test
	void theThreePurposesGiveThreeDifferentReachedOutGuides() throws Exception {
		MemberPrincipal back = members.create("pback");
		MemberPrincipal on = members.create("pon");
		MemberPrincipal safe = members.create("psafe");
		String backGuide = guide(back, plan(back, "BACK_TOGETHER"));
		String onGuide = guide(on, plan(on, "MOVING_ON"));
		String safeGuide = guide(safe, plan(safe, "STAYING_SAFE"));
		assertThat(List.of(backGuide, onGuide, safeGuide)).doesNotHaveDuplicates();
		assertThat(backGuide).contains("it is time to talk");
		assertThat(onGuide).contains("You don't owe them a reply").doesNotContain("time to talk");
		assertThat(safeGuide).contains("You don't have to reply, explain or meet").doesNotContain("time to talk");
	}

	@Test
	void noPageOfAStayingSafePlanSuggestsTalkingToThem() throws Exception {
		MemberPrincipal me = members.create("psafepages");
		long plan = plan(me, "STAYING_SAFE", PlanCalendar.today(clock, me.zone()).minusDays(6));
		mvc.perform(post("/plans/" + plan + "/checkin").with(user(me)).with(csrf()).param("day", "today")
				.param("kept", "yes").param("mood", "3").param("urge", "2").param("note", "")
				.param("formToken", formTokens.issue(me.id()))).andExpect(status().is3xxRedirection());
		String slug = jdbc.queryForObject("select slug from topic where id = ?", String.class, plan);
		String planPage = html(mvc.perform(get("/plans/" + plan).with(user(me))).andExpect(status().isOk()));
		String contact = html(mvc.perform(get("/plans/" + plan + "/contact").with(user(me))).andExpect(status().isOk()));
		String edit = html(mvc.perform(get("/plans/" + plan + "/edit").with(user(me))).andExpect(status().isOk()));
		String topic = html(mvc.perform(get("/t/" + plan + "/" + slug).with(user(me))).andExpect(status().isOk()));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from notification where member_id = ? and kind = 'MILESTONE'", Long.class, me.id()) > 0);
		String notifications = html(mvc.perform(get("/notifications").with(user(me))).andExpect(status().isOk()));
		assertThat(planPage).contains("A note to myself", "Words for myself only", "National Domestic Abuse Helpline",
				"Days you kept yourself safe:");
		assertThat(contact).contains("0808 2000 247", "1-800-799-7233", "text START to 88788");
		assertThat(edit).contains("A note to yourself (optional, only if it helps)");
		assertThat(topic).contains("A note to myself");
		assertThat(notifications).contains("7 days of looking after your own safety");
		for (String page : List.of(planPage, contact, edit, topic, notifications)) {
			for (String words : TALK) {
				assertThat(page).doesNotContain(words);
			}
		}
	}

	@Test
	void discreetModeIsTurnedOnForANewStayingSafePlanAndTheMemberIsTold() throws Exception {
		MemberPrincipal safe = members.create("pdiscreet");
		MemberPrincipal on = members.create("pnotdiscreet");
		create(safe, "STAYING_SAFE", PlanCalendar.today(clock, safe.zone())).andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("notice", "plan.discreetTurnedOn"));
		plan(on, "MOVING_ON");
		assertThat(discreet(safe)).isTrue();
		assertThat(discreet(on)).isFalse();
	}

	@Test
	void changingThePurposeIsAPostAndATamperedValueGetsItsOwnMessage() throws Exception {
		MemberPrincipal me = members.create("pchange");
		MemberPrincipal other = members.create("pother");
		long plan = plan(me, "BACK_TOGETHER");
		String refused = html(mvc.perform(post("/plans/" + plan + "/purpose").with(user(me)).with(csrf())
				.param("purpose", "EVERYTHING")).andExpect(status().isOk()));
		assertThat(refused).contains("That isn't one of the three choices");
		assertThat(html(mvc.perform(post("/plans/" + plan + "/purpose").with(user(me)).with(csrf()))
				.andExpect(status().isOk()))).contains("Please choose what this plan is for.");
		mvc.perform(post("/plans/" + plan + "/purpose").with(user(me)).param("purpose", "STAYING_SAFE"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/plans/" + plan + "/purpose").with(user(other)).with(csrf()).param("purpose", "STAYING_SAFE"))
				.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select purpose from plan where topic_id = ?", String.class, plan))
				.isEqualTo("BACK_TOGETHER");
		mvc.perform(post("/plans/" + plan + "/purpose").with(user(me)).with(csrf()).param("purpose", "STAYING_SAFE"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select purpose from plan where topic_id = ?", String.class, plan))
				.isEqualTo("STAYING_SAFE");
		assertThat(guide(me, plan)).doesNotContain("time to talk").contains("You don't have to answer");
	}

	@Test
	void aTamperedPurposeOnTheNewPlanFormIsSaidOnTheFormWithTheTextKept() throws Exception {
		MemberPrincipal me = members.create("ptamper");
		String page = html(create(me, "ADMIN", PlanCalendar.today(clock, me.zone())).andExpect(status().isOk()));
		assertThat(page).contains("That isn't one of the three choices", "Words for myself only");
		assertThat(jdbc.queryForObject("select count(*) from plan where member_id = ?", Long.class, me.id())).isZero();
	}
}
