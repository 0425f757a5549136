package org.steadfast.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicService;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

/**
 * The guest page cache as production runs it: a write is visible on the very next read, and a
 * private plan never reaches a cached page that anyone else is shown.
 */
@IntegrationTest
@TestPropertySource(properties = "steadfast.web.page-cache.enabled=true")
class AnonymousPageCacheIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AnonymousPageCache cache;

	private MockHttpServletResponse guest(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse();
	}

	private static String html(MockHttpServletResponse response) throws Exception {
		return HtmlUtils.htmlUnescape(response.getContentAsString());
	}

	@Test
	void aReplyIsOnTheNextGuestReadOfTheTopicAndOfTheLists() throws Exception {
		MemberPrincipal author = members.create("cacheauthor");
		MemberPrincipal replier = members.create("cachereply");
		long category = jdbc.queryForObject("select id from category where slug = 'advice'", Long.class);
		var topic = topics.startTopic(author.id(), TopicService.NewTopic.discussion(category,
				"Cache check for " + author.username(), "Is the page fresh after a reply?", List.of()),
				formTokens.issue(author.id()));
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();

		MockHttpServletResponse first = guest(url);
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getHeader("ETag")).as("rendered, then stored").isNull();
		MockHttpServletResponse second = guest(url);
		assertThat(second.getHeader("ETag")).as("answered from the cache").isNotNull();
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(second.getHeader("Content-Security-Policy")).isEqualTo(first.getHeader("Content-Security-Policy"));
		mvc.perform(get(url).header("If-None-Match", second.getHeader("ETag"))).andExpect(status().isNotModified());
		guest("/latest");
		guest("/c/advice");

		String reply = "Marigolds on the windowsill for " + replier.username();
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(replier)).with(csrf()).param("body", reply)
				.param("formToken", formTokens.issue(replier.id()))).andExpect(status().is3xxRedirection());

		assertThat(html(guest(url))).contains(reply);
		assertThat(html(guest("/latest"))).contains("Cache check for " + author.username());
		assertThat(html(guest("/c/advice"))).contains(replier.username());
	}

	@Test
	void aPlanMadePrivateLeavesEveryCachedGuestPageAndMembersPagesAreNeverStored() throws Exception {
		MemberPrincipal author = members.create("cacheplan");
		String title = "Quiet harbour plan of " + author.username();
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		String location = mvc.perform(planForm(post("/plans/new"), author, title, start, "PUBLIC")
				.param("formToken", formTokens.issue(author.id())))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long plan = Long.parseLong(location.substring("/plans/".length()));
		mvc.perform(post("/plans/" + plan + "/checkin").with(user(author)).with(csrf()).param("day", "today")
				.param("kept", "yes").param("mood", "3").param("urge", "2").param("note", "A calm day. " + title)
				.param("formToken", formTokens.issue(author.id()))).andExpect(status().is3xxRedirection());
		String slug = jdbc.queryForObject("select slug from topic where id = ?", String.class, plan);
		List<String> pages = List.of("/plans/" + plan, "/t/" + plan + "/" + slug, "/checkins", "/latest",
				"/c/daily-check-ins", "/u/" + author.username(), "/search?q=harbour+" + author.username());
		for (String page : pages) {
			assertThat(html(guest(page))).as(page).contains(author.username());
			assertThat(guest(page).getHeader("ETag")).as(page + " cached").isNotNull();
		}

		mvc.perform(planForm(post("/plans/" + plan + "/edit"), author, title, start, "PRIVATE"))
				.andExpect(status().is3xxRedirection());

		// The author sees their private plan; those pages are rendered for them and never kept.
		for (String page : pages) {
			mvc.perform(get(page).with(user(author))).andExpect(status().isOk());
		}
		MemberPrincipal other = members.create("cacheother");
		for (String page : pages) {
			MockHttpServletResponse guest = guest(page);
			assertThat(guest.getStatus() == 404 || !html(guest).contains(title)).as(page + " for a guest").isTrue();
			assertThat(html(guest)).as(page + " for a guest").doesNotContain("A calm day.");
			MockHttpServletResponse member = mvc.perform(get(page).with(user(other))).andReturn().getResponse();
			assertThat(member.getStatus() == 404 || !html(member).contains(title)).as(page + " for a member").isTrue();
			// A stale or unknown session cookie is a guest too, served by rendering, never by the cache.
			MockHttpServletResponse cookie = mvc.perform(get(page).cookie(new Cookie("JSESSIONID", "unknown")))
					.andReturn().getResponse();
			assertThat(cookie.getHeader("ETag")).isNull();
			assertThat(cookie.getStatus() == 404 || !html(cookie).contains(title)).as(page + " with a cookie").isTrue();
		}
		assertThat(guest("/plans/" + plan).getStatus()).isEqualTo(404);
	}

	@Test
	void aPageThatCreatedASessionIsNotStored() throws Exception {
		// The sign-in page keeps a CSRF token in a new session: such a response is personal.
		guest("/login");
		MockHttpServletResponse again = guest("/login");
		assertThat(again.getHeader("ETag")).isNull();
		long before = cache.size();
		cache.evictAll();
		assertThat(cache.size()).isZero();
		assertThat(before).isGreaterThanOrEqualTo(0);
	}

	private MockHttpServletRequestBuilder planForm(MockHttpServletRequestBuilder request, MemberPrincipal me,
			String title, LocalDate start, String visibility) {
		return request.with(user(me)).with(csrf()).param("title", title)
				.param("statement", "Nothing, for now.").param("startDate", start.toString())
				.param("target", "30").param("customDays", "").param("reasons", "Peace")
				.param("triggers", "Evenings").param("instead", "Walk").param("visibility", visibility)
				.param("keyDay", "").param("keyLabel", "").param("keyNote", "");
	}
}
