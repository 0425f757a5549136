package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;
import org.steadfast.support.Unique;

/**
 * Nothing a member typed is lost: drafts of the reply box and the new-topic form, and forms sent
 * after the session ended or with a stale CSRF token. Runs on H2 ({@link DraftH2IT}) and MariaDB
 * ({@link DraftMariaDbIT}).
 */
abstract class DraftScenarios {

	static final String KEPT_LINE = "This is the draft you saved.";
	static final String ENDED_LINE = "Your session had ended, so we kept what you wrote. It's below, ready to post.";

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	Drafts drafts;

	Topic topic(MemberPrincipal author) {
		long category = categories.findBySlug("starting-out").orElseThrow().getId();
		String title = "Drafts " + Unique.letters(8);
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(category, title, "First post of " + title,
				List.of()), formTokens.issue(author.id()));
	}

	String url(Topic topic) {
		return "/t/" + topic.getId() + "/" + topic.getSlug();
	}

	static String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	int rows(MemberPrincipal member, String place) {
		return jdbc.queryForObject("select count(*) from draft where member_id = ? and place = ?", Integer.class,
				member.id(), place);
	}

	/** A reply the forum refuses (longer than a post may be) but a draft keeps. */
	static String tooLongForAPost(String marker) {
		return marker + " " + "and more ".repeat(2300);
	}

	@Test
	void aRefusedReplyKeepsADraftThatTheNextVisitOffersBack() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		String marker = "Kept-" + UUID.randomUUID();
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(writer)).with(csrf())
				.param("body", tooLongForAPost(marker)).param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isOk());
		assertThat(rows(writer, Drafts.reply(topic.getId()))).isEqualTo(1);

		String page = html(mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk()));
		assertThat(page).contains(KEPT_LINE, marker, "Discard draft", "action=\"/drafts/discard\"");
	}

	@Test
	void postingTheReplyClearsItsDraft() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		drafts.save(writer.id(), Drafts.reply(topic.getId()), java.util.Map.of("body", "Half a thought"));
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(writer)).with(csrf())
				.param("body", "The whole thought, posted.").param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().is3xxRedirection());
		assertThat(rows(writer, Drafts.reply(topic.getId()))).isZero();
		assertThat(html(mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk())))
				.doesNotContain(KEPT_LINE);
	}

	@Test
	void aDiscardedDraftIsGoneAndNotOfferedAgain() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		String place = Drafts.reply(topic.getId());
		drafts.save(writer.id(), place, java.util.Map.of("body", "Words I no longer want"));
		mvc.perform(post("/drafts/discard").with(user(writer)).with(csrf()).param("place", place))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/t/" + topic.getId() + "#reply"));
		assertThat(rows(writer, place)).isZero();
		assertThat(html(mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk())))
				.doesNotContain("Words I no longer want", KEPT_LINE);
		// Discarding is a POST with its token.
		mvc.perform(post("/drafts/discard").with(user(writer)).param("place", place)).andExpect(status().isForbidden());
	}

	@Test
	void tenParallelSavesLeaveOneDraftRow() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		String place = Drafts.reply(topic.getId());
		var pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String body = "Typing, version " + i;
				calls.add(() -> mvc.perform(post("/drafts").with(user(writer)).with(csrf()).param("place", place)
						.param("body", body)).andReturn().getResponse().getStatus());
			}
			for (var f : pool.invokeAll(calls)) {
				assertThat(f.get()).isEqualTo(204);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(rows(writer, place)).isEqualTo(1);
		assertThat(drafts.find(writer.id(), place).orElseThrow().field("body")).startsWith("Typing, version ");
	}

	@Test
	void anotherMemberNeverSeesTheDraft() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		MemberPrincipal other = members.create("other");
		Topic topic = topic(author);
		String place = Drafts.reply(topic.getId());
		String marker = "Private-" + UUID.randomUUID();
		drafts.save(writer.id(), place, java.util.Map.of("body", marker));
		assertThat(html(mvc.perform(get(url(topic)).with(user(other))).andExpect(status().isOk())))
				.doesNotContain(marker, KEPT_LINE);
		assertThat(html(mvc.perform(get(url(topic))).andExpect(status().isOk()))).doesNotContain(marker, KEPT_LINE);
		// Another member's discard only ever touches their own drafts.
		mvc.perform(post("/drafts/discard").with(user(other)).with(csrf()).param("place", place))
				.andExpect(status().is3xxRedirection());
		assertThat(rows(writer, place)).isEqualTo(1);
		assertThat(drafts.forMember(other.id())).isEmpty();
	}

	@Test
	void anOverLongDraftIsRefusedWithAClearMessage() throws Exception {
		MemberPrincipal writer = members.create("writer");
		String response = mvc.perform(post("/drafts").with(user(writer)).with(csrf()).param("place", Drafts.NEW_TOPIC)
				.param("body", "x".repeat(40_001)))
				.andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString();
		assertThat(response).contains("too long to keep as a draft");
		assertThat(rows(writer, Drafts.NEW_TOPIC)).isZero();
		mvc.perform(post("/drafts").with(user(writer)).with(csrf()).param("place", "somewhere:else")
				.param("body", "text")).andExpect(status().isBadRequest());
	}

	@Test
	void aDraftCostsTheTopicPageNoStatement() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk());
		int without = statements.count(() -> mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk()));
		drafts.save(writer.id(), Drafts.reply(topic.getId()), java.util.Map.of("body", "Counted"));
		mvc.perform(get(url(topic))).andExpect(status().isOk());
		int with = statements.count(() -> mvc.perform(get(url(topic)).with(user(writer))).andExpect(status().isOk()));
		assertThat(with).isEqualTo(without).isLessThanOrEqualTo(3);
	}

	@Test
	void aRefusedNewTopicKeepsItsFieldsAndPostingClearsThem() throws Exception {
		MemberPrincipal writer = members.create("writer");
		String category = String.valueOf(categories.findBySlug("advice").orElseThrow().getId());
		String marker = "Body-" + UUID.randomUUID();
		mvc.perform(post("/t/new").with(user(writer)).with(csrf()).param("categoryId", category).param("title", "Hi")
				.param("body", marker).param("tags", "kept-tag").param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isOk());
		String form = html(mvc.perform(get("/t/new").with(user(writer))).andExpect(status().isOk()));
		assertThat(form).contains(KEPT_LINE, marker, "value=\"Hi\"", "value=\"kept-tag\"");

		mvc.perform(post("/t/new").with(user(writer)).with(csrf()).param("categoryId", category)
				.param("title", "A title long enough " + UUID.randomUUID().toString().substring(0, 6)).param("body", marker)
				.param("tags", "").param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().is3xxRedirection());
		assertThat(rows(writer, Drafts.NEW_TOPIC)).isZero();
	}

	@Test
	void aReplySentAfterTheSessionEndedSurvivesSigningIn() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		String marker = "Survived-" + UUID.randomUUID();
		// The session is gone: no session, so no CSRF token either; the form's own token says whose it was.
		var sent = mvc.perform(post("/t/" + topic.getId() + "/reply").param("body", marker)
				.param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/login?ended"))
				.andReturn();
		var session = (MockHttpSession) sent.getRequest().getSession(false);
		assertThat(rows(writer, Drafts.reply(topic.getId()))).isZero();

		assertThat(html(mvc.perform(get("/login").param("ended", "").session(session)).andExpect(status().isOk())))
				.contains("Your session had ended. Sign in again");
		mvc.perform(post("/login").session(session).with(csrf()).param("login", writer.username())
				.param("password", Members.PASSWORD))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/t/" + topic.getId() + "#reply"));
		assertThat(rows(writer, Drafts.reply(topic.getId()))).isEqualTo(1);

		String page = html(mvc.perform(get(url(topic)).session(session)).andExpect(status().isOk()));
		assertThat(page).contains(ENDED_LINE, marker);
		// The line is said once; the draft stays until posted or discarded.
		assertThat(html(mvc.perform(get(url(topic)).session(session)).andExpect(status().isOk())))
				.doesNotContain(ENDED_LINE).contains(KEPT_LINE, marker);
	}

	@Test
	void someoneElseSigningInOnThatBrowserNeverGetsTheText() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		MemberPrincipal other = members.create("other");
		Topic topic = topic(author);
		String marker = "NotYours-" + UUID.randomUUID();
		var session = (MockHttpSession) mvc.perform(post("/t/" + topic.getId() + "/reply").param("body", marker)
				.param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isSeeOther())
				.andReturn().getRequest().getSession(false);
		mvc.perform(post("/login").session(session).with(csrf()).param("login", other.username())
				.param("password", Members.PASSWORD))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/"));
		assertThat(html(mvc.perform(get(url(topic)).session(session)).andExpect(status().isOk())))
				.doesNotContain(marker, ENDED_LINE, KEPT_LINE);
		assertThat(drafts.forMember(other.id())).isEmpty();
		assertThat(drafts.forMember(writer.id())).isEmpty();
		assertThat(session.getAttribute(org.steadfast.web.FormRescue.class.getName() + ".NOTICE")).isNull();
	}

	@Test
	void aStaleTokenWithTheMemberSignedInGoesBackToTheFormWithTheText() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		String marker = "Stale-" + UUID.randomUUID();
		var session = (MockHttpSession) mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(writer))
				.with(csrf().useInvalidToken()).param("body", marker).param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/t/" + topic.getId() + "#reply"))
				.andReturn().getRequest().getSession(false);
		assertThat(drafts.find(writer.id(), Drafts.reply(topic.getId())).orElseThrow().field("body")).isEqualTo(marker);
		assertThat(html(mvc.perform(get(url(topic)).with(user(writer)).session(session)).andExpect(status().isOk())))
				.contains(ENDED_LINE, marker);
	}

	@Test
	void aStaleTokenWithARememberMeCookieKeepsTheTextForThatMember() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(author);
		Cookie remembered = mvc.perform(post("/login").with(csrf()).param("login", writer.username())
				.param("password", Members.PASSWORD).param("remember-me", "on"))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getCookie("remember-me");
		assertThat(remembered).isNotNull();
		String marker = "Remembered-" + UUID.randomUUID();
		mvc.perform(post("/t/" + topic.getId() + "/reply").cookie(remembered).param("body", marker)
				.param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/t/" + topic.getId() + "#reply"));
		assertThat(drafts.find(writer.id(), Drafts.reply(topic.getId())).orElseThrow().field("body")).isEqualTo(marker);
	}

	@Test
	void aStaleTokenOnAFormIssuedToSomeoneElseIsRefusedAndKeepsNothing() throws Exception {
		MemberPrincipal author = members.create("drafter");
		MemberPrincipal writer = members.create("writer");
		MemberPrincipal other = members.create("other");
		Topic topic = topic(author);
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(other)).with(csrf().useInvalidToken())
				.param("body", "Not theirs").param("formToken", formTokens.issue(writer.id())))
				.andExpect(status().isForbidden());
		assertThat(drafts.forMember(other.id())).isEmpty();
		assertThat(drafts.forMember(writer.id())).isEmpty();
	}

	@Test
	void exportAndErasureSeeEveryDraftOfTheMember() {
		MemberPrincipal writer = members.create("writer");
		drafts.save(writer.id(), Drafts.NEW_TOPIC, java.util.Map.of("title", "One"));
		drafts.save(writer.id(), Drafts.reply(1), java.util.Map.of("body", "Two"));
		assertThat(drafts.forMember(writer.id())).extracting(Drafts.Draft::place)
				.containsExactlyInAnyOrder(Drafts.NEW_TOPIC, Drafts.reply(1));
		assertThat(drafts.eraseAll(writer.id())).isEqualTo(2);
		assertThat(drafts.forMember(writer.id())).isEmpty();
	}
}
