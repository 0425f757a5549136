package org.steadfast.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Pagers, dates and numbers as a hostile visitor types them. Runs on H2 ({@link BadInputH2IT}) and
 * MariaDB ({@link BadInputMariaDbIT}), where an overflowing offset reached the database.
 */
abstract class BadInputScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	FormTokens formTokens;

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	MockHttpServletRequestBuilder planForm(String uri, MemberPrincipal me, String keyDay) {
		return post(uri).with(user(me)).with(csrf()).param("title", "My plan").param("statement", "Nothing.")
				.param("startDate", today().minusDays(3).toString()).param("target", "30").param("customDays", "")
				.param("visibility", "MEMBERS").param("keyDay", keyDay).param("keyLabel", "Their birthday")
				.param("keyNote", "").param("formToken", formTokens.issue(me.id()));
	}

	@Test
	void aPageNumberWhoseOffsetOverflowsShowsTheLastPossiblePageOfNotifications() throws Exception {
		MemberPrincipal me = members.create("pager");
		for (String page : new String[] { "71582790", "2147483647", "99999999999999999999", "-2147483648", "１２３", "١٢٣",
				"abc", " 1" }) {
			assertThat(html(mvc.perform(get("/notifications").param("page", page).with(user(me)))
					.andExpect(status().isOk()))).contains("Notifications");
		}
	}

	@Test
	void theMailOutboxPagerClampsHugeAndOddPageNumbers() throws Exception {
		MemberPrincipal admin = members.admin("mailpager");
		for (String page : new String[] { "71582790", "2147483647", "99999999999999999999", "-1", "١٢٣" }) {
			mvc.perform(get("/admin/mail").param("page", page).with(user(admin))).andExpect(status().isOk());
		}
	}

	@Test
	void aKeyDateFarInTheFutureIsRefusedOnTheFormWithWhatWasTyped() throws Exception {
		MemberPrincipal me = members.create("farday");
		String location = mvc.perform(planForm("/plans/new", me, today().plusDays(5).toString()))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = html(mvc.perform(planForm(location + "/edit", me, "+999999999-12-31")).andExpect(status().isOk()));
		assertThat(page).contains("Please enter a date before 2201.", "value=\"+999999999-12-31\"", "Their birthday");
		String early = html(mvc.perform(planForm(location + "/edit", me, "-0001-01-01")).andExpect(status().isOk()));
		assertThat(early).contains("Please enter a date after 1970.", "value=\"-0001-01-01\"");
		String nonsense = html(mvc.perform(planForm(location + "/edit", me, "0000-00-00")).andExpect(status().isOk()));
		assertThat(nonsense).contains("Please enter a real date (year-month-day).", "value=\"0000-00-00\"");
	}

	@Test
	void idsWrittenInOtherDigitsOrTooLargeAreBadRequests() throws Exception {
		MemberPrincipal me = members.create("digits");
		String location = mvc.perform(planForm("/plans/new", me, "")).andExpect(status().is3xxRedirection()).andReturn()
				.getResponse().getRedirectedUrl();
		String id = location.substring("/plans/".length());
		mvc.perform(get("/plans/" + id).with(user(me))).andExpect(status().isOk());
		// The same id in fullwidth or Arabic-Indic digits is not another spelling of it.
		String fullwidth = id.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
		String arabic = id.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '٠'))).reduce("", String::concat);
		for (String odd : new String[] { fullwidth, arabic, "99999999999999999999", "0x1F", "+" + id, "abc" }) {
			assertThat(html(mvc.perform(get("/plans/" + odd).with(user(me))).andExpect(status().isBadRequest())))
					.doesNotContain("No contact, for me", "Their birthday");
			mvc.perform(get("/t/" + odd).with(user(me))).andExpect(status().isBadRequest());
			mvc.perform(get("/t/" + id + "/x").param("quote", odd).with(user(me))).andExpect(status().isBadRequest());
		}
	}

	@Test
	void aTopicPageNumberInOtherDigitsIsTheFirstPage() throws Exception {
		MemberPrincipal me = members.create("topicpage");
		String location = mvc.perform(planForm("/plans/new", me, "")).andExpect(status().is3xxRedirection()).andReturn()
				.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/plans/".length()));
		mvc.perform(get("/t/" + id).param("page", "١٢٣").with(user(me)))
				.andExpect(status().is3xxRedirection())
				.andExpect(MockMvcResultMatchers.redirectedUrlPattern("/t/" + id + "/*"));
	}
}
