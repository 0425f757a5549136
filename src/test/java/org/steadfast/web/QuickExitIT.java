package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.notifications.MailSettings;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

/** "Leave quickly" is on every page, first in it, and discreet mode gives the tab a neutral title and icon. */
@IntegrationTest
class QuickExitIT {

	static final String LINK = "<a class=\"quick-exit\" href=\"http://localhost:9/neutral\" data-quick-exit";

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	MailSettings mailSettings;

	String page(MockHttpServletRequestBuilder request, ResultMatcher status) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status).andReturn().getResponse()
				.getContentAsString());
	}

	@Test
	void everyMainPageOffersLeaveQuicklyBeforeAnythingElseInTheBody() throws Exception {
		MemberPrincipal me = members.create("leaver");
		for (String path : List.of("/", "/latest", "/unanswered", "/checkins", "/tags", "/search?q=calm", "/help",
				"/login", "/register", "/u/" + me.username())) {
			assertLinkFirst(page(get(path), status().isOk()), path);
		}
		for (String path : List.of("/", "/latest", "/u/" + me.username(), "/settings", "/settings/notifications",
				"/notifications", "/plans/new", "/partners", "/t/new")) {
			assertLinkFirst(page(get(path).with(user(me)), status().isOk()), path);
		}
		assertLinkFirst(page(get("/t/999999999/nothing-here"), status().isNotFound()), "a missing topic");
	}

	void assertLinkFirst(String html, String where) {
		String body = html.substring(html.indexOf("<body>"));
		assertThat(body).as(where).contains(LINK, "Leave quickly");
		assertThat(body.indexOf("<a ")).as(where + ": the first link").isEqualTo(body.indexOf(LINK));
		assertThat(html).as(where).contains("/js/quick-exit.js");
	}

	@Test
	void discreetModeGivesTheTabANeutralTitleAndIcon() throws Exception {
		MemberPrincipal me = members.create("discreet");
		String before = page(get("/latest").with(user(me)), status().isOk());
		assertThat(before).contains("Steadfast</title>", "/img/favicon.svg").doesNotContain("<title>Notes</title>");

		var settings = mailSettings.of(me.id());
		mailSettings.save(me.id(), new MailSettings.Settings(settings.digest(), settings.hour(), true));
		for (String path : List.of("/latest", "/settings", "/u/" + me.username())) {
			String after = page(get(path).with(user(me)), status().isOk());
			assertThat(after).as(path).contains("<title>Notes</title>", "/img/neutral.svg")
					.doesNotContain("Steadfast</title>", "/img/favicon.svg");
		}
		String guest = page(get("/latest"), status().isOk());
		assertThat(guest).contains("Steadfast</title>", "/img/favicon.svg");
	}
}
