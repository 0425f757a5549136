package org.steadfast.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.support.Members;

/**
 * A member's private list of their ex's names, through its pages: what is kept, what their own
 * posts and check-ins do, and what happens to anyone else's post that names a listed person.
 * Runs on H2 ({@link ExNamesH2IT}) and MariaDB ({@link ExNamesMariaDbIT}).
 */
abstract class ExNameScenarios {

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

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	/** A name nobody else's test uses, so that lists of other tests never match. */
	static String uniqueName() {
		String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		return "Jo" + letters.substring(0, Math.min(6, letters.length())) + " Rivers";
	}

	ResultActions add(MemberPrincipal me, String name) throws Exception {
		return mvc.perform(post("/settings/ex-names").with(user(me)).with(csrf()).param("name", name));
	}

	Topic topic(MemberPrincipal author) {
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("starting-out").orElseThrow().getId(),
				"Topic " + UUID.randomUUID().toString().substring(0, 6), "How do you all get through evenings?", List.of()),
				formTokens.issue(author.id()));
	}

	ResultActions reply(MemberPrincipal who, Topic topic, String body) throws Exception {
		return mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(who)).with(csrf()).param("body", body)
				.param("formToken", formTokens.issue(who.id())));
	}

	int count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}

	MemberPrincipal moderator() {
		return members.moderator("exmod");
	}

	@Test
	void theListKeepsOnlyFingerprintsAndShowsItsOwnerOnlyItsLength() throws Exception {
		MemberPrincipal me = members.create("lister");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/ex-names"))
				.andExpect(flash().attribute("notice", "exNames.added"));
		add(me, "@" + name.split(" ")[0].toLowerCase(Locale.ROOT) + "_x").andExpect(status().is3xxRedirection());

		String page = html(mvc.perform(get("/settings/ex-names").with(user(me))).andExpect(status().isOk()));
		assertThat(page).contains("Your list has 2 entries.", "Nobody can read your list back");
		assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain(name.toLowerCase(Locale.ROOT).split(" ")[0]);

		// Whoever reads the tables sees that a list exists and its length, never a word of it.
		List<String> cells = new ArrayList<>();
		for (String table : List.of("ex_name_list", "ex_name_entry")) {
			jdbc.queryForList("select * from " + table + " where member_id = ?", me.id())
					.forEach(row -> row.values().forEach(v -> cells.add(String.valueOf(v).toLowerCase(Locale.ROOT))));
		}
		assertThat(cells).isNotEmpty().noneMatch(c -> c.contains(name.split(" ")[0].toLowerCase(Locale.ROOT)))
				.noneMatch(c -> c.contains("rivers"));
		assertThat(count("select entries from ex_name_list where member_id = ?", me.id())).isEqualTo(2);
	}

	@Test
	void anEntryIsRemovedByTypingItAgainAndAMistypedOneIsSaidSo() throws Exception {
		MemberPrincipal me = members.create("remover");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection());
		String wrong = html(mvc.perform(post("/settings/ex-names/remove").with(user(me)).with(csrf())
				.param("name", name + "x")).andExpect(status().isOk()));
		assertThat(wrong).contains("That isn't on your list", name + "x");
		mvc.perform(post("/settings/ex-names/remove").with(user(me)).with(csrf()).param("name", name.toUpperCase(Locale.ROOT)))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "exNames.removed"));
		assertThat(count("select count(*) from ex_name_entry where member_id = ?", me.id())).isZero();
		assertThat(count("select entries from ex_name_list where member_id = ?", me.id())).isZero();

		add(me, name).andExpect(status().is3xxRedirection());
		mvc.perform(post("/settings/ex-names/clear").with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from ex_name_list where member_id = ?", me.id())).isZero();
		assertThat(count("select count(*) from ex_name_entry where member_id = ?", me.id())).isZero();
	}

	@Test
	void badEntriesGetASpecificMessageWithTheTextKeptAndGuestsMustSignIn() throws Exception {
		MemberPrincipal me = members.create("badlist");
		String common = html(add(me, "my ex").andExpect(status().isOk()));
		assertThat(common).contains("That is an everyday word", "value=\"my ex\"");
		String tooMany = html(add(me, "one two three four five").andExpect(status().isOk()));
		assertThat(tooMany).contains("Please keep an entry to 4 words");
		String empty = html(add(me, "   ").andExpect(status().isOk()));
		assertThat(empty).contains("Please type a name");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection());
		assertThat(html(add(me, name.toLowerCase(Locale.ROOT)).andExpect(status().isOk()))).contains("already on your list");
		assertThat(count("select count(*) from ex_name_entry where member_id = ?", me.id())).isEqualTo(1);

		mvc.perform(get("/settings/ex-names")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/settings/ex-names").with(csrf()).param("name", "Someone")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/settings/ex-names").with(user(me)).param("name", "No Token")).andExpect(status().isForbidden());
	}

	@Test
	void aMembersOwnReplyNamingTheirExIsStoppedWithTheTextKept() throws Exception {
		MemberPrincipal me = members.create("ownpost");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection());
		Topic topic = topic(members.create("asker"));
		String text = "Tonight " + name + " liked my photo and I nearly replied.";
		String page = html(reply(me, topic, text).andExpect(status().isOk()));
		assertThat(page).contains("This names someone on your private list, so it wasn't posted", text);
		assertThat(count("select count(*) from post where topic_id = ? and author_id = ?", topic.getId(), me.id())).isZero();

		// The title too, where nothing can be replaced.
		String titled = html(mvc.perform(post("/t/new").with(user(me)).with(csrf())
				.param("categoryId", String.valueOf(categories.findBySlug("starting-out").orElseThrow().getId()))
				.param("title", "About " + name).param("body", "Some words.").param("tags", "")
				.param("formToken", formTokens.issue(me.id()))).andExpect(status().isOk()));
		assertThat(titled).contains("The title names someone on your private list");
	}

	@Test
	void aMemberWhoChoseSoHasTheirExsNameReplacedInTheirOwnPost() throws Exception {
		MemberPrincipal me = members.create("replacer");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection());
		mvc.perform(post("/settings/ex-names/choice").with(user(me)).with(csrf()).param("own", "replace"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/settings/ex-names").with(user(me))))).contains("value=\"replace\" checked");
		Topic topic = topic(members.create("asker"));
		reply(me, topic, "Day 3. " + name.toUpperCase(Locale.ROOT) + " wrote again; I stayed quiet.")
				.andExpect(status().is3xxRedirection());
		String body = jdbc.queryForObject("select source from post where topic_id = ? and author_id = ?", String.class,
				topic.getId(), me.id());
		assertThat(body).isEqualTo("Day 3. [name removed] wrote again; I stayed quiet.");
		assertThat(jdbc.queryForObject("select status from post where topic_id = ? and author_id = ?", String.class,
				topic.getId(), me.id())).isEqualTo("VISIBLE");
	}

	@Test
	void aCheckInNoteNamingTheirExIsStoppedWithTheNoteKept() throws Exception {
		MemberPrincipal me = members.create("checker");
		String name = uniqueName();
		add(me, name).andExpect(status().is3xxRedirection());
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		String location = mvc.perform(post("/plans/new").with(user(me)).with(csrf()).param("title", "My plan " + me.username())
				.param("statement", "A relationship again, or nothing. Not friends.")
				.param("startDate", today.minusDays(3).toString()).param("target", "30").param("customDays", "")
				.param("reasons", "My self-respect").param("triggers", "Late nights").param("instead", "Call my sister")
				.param("visibility", "MEMBERS").param("formToken", formTokens.issue(me.id())))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long plan = Long.parseLong(location.substring("/plans/".length()));
		String note = "Hard evening, " + name + " posted photos.";
		String page = html(mvc.perform(post("/plans/" + plan + "/checkin").with(user(me)).with(csrf())
				.param("day", "today").param("kept", "yes").param("mood", "3").param("urge", "4")
				.param("note", note).param("formToken", formTokens.issue(me.id()))).andExpect(status().isOk()));
		assertThat(page).contains("This names someone on your private list, so it wasn't posted", note);
		assertThat(count("select count(*) from post where topic_id = ?", plan)).isEqualTo(1);
	}

	@Test
	void someoneElsesPostNamingAListedPersonWaitsForAModeratorWhoSeesTheWordsButNotWhoseList() throws Exception {
		MemberPrincipal lister = members.create("afraid");
		String name = uniqueName();
		add(lister, name).andExpect(status().is3xxRedirection());
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(writer);
		String text = "Does anyone here know " + name + "? I think I saw them post.";
		reply(writer, topic, text).andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("notice", "held.ex-name"));
		String status = jdbc.queryForObject("select status from post where topic_id = ? and number = 2", String.class,
				topic.getId());
		assertThat(status).isEqualTo("PENDING");

		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		assertThat(html(mvc.perform(get(url)).andExpect(status().isOk()))).doesNotContain(name);
		assertThat(html(mvc.perform(get(url).with(user(lister))).andExpect(status().isOk()))).doesNotContain(name);

		String queue = html(mvc.perform(get("/mod").with(user(moderator()))).andExpect(status().isOk()));
		assertThat(queue).contains("Names someone on a private list", "Words on a member's private list: " + name, text)
				.doesNotContain(lister.username()).doesNotContain(lister.displayName()).contains("Waiting for review");
		// Keeping it from view is the first, prominent choice (what Enter submits); approving comes second.
		String item = queue.substring(queue.indexOf("Words on a member's private list: " + name));
		assertThat(item.indexOf("value=\"HIDE\"")).isNotNegative().isLessThan(item.indexOf("value=\"APPROVE\""));

		// The author hears only that it waits: the same words a held post always gets.
		assertThat(html(mvc.perform(get(url).with(user(writer)).flashAttr("notice", "held.ex-name"))))
				.contains("Your post is waiting for a moderator before others see it.")
				.doesNotContain("private list");
	}

	@Test
	void theSameEntryTenTimesAtOnceIsKeptOnceAndTheLengthLimitHoldsUnderConcurrency() throws Exception {
		MemberPrincipal me = members.create("racer");
		String name = uniqueName();
		var pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> same = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				same.add(() -> add(me, name).andReturn().getResponse().getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (var f : pool.invokeAll(same)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(302, 200).containsOnlyOnce(302);
			assertThat(count("select count(*) from ex_name_entry where member_id = ?", me.id())).isEqualTo(1);
			assertThat(count("select entries from ex_name_list where member_id = ?", me.id())).isEqualTo(1);

			List<Callable<Integer>> many = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String other = "Nick" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "q";
				many.add(() -> add(me, other).andReturn().getResponse().getStatus());
			}
			for (var f : pool.invokeAll(many)) {
				assertThat(f.get()).isIn(302, 200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from ex_name_entry where member_id = ?", me.id())).isEqualTo(ExNames.MAX_ENTRIES);
		assertThat(count("select entries from ex_name_list where member_id = ?", me.id())).isEqualTo(ExNames.MAX_ENTRIES);
		assertThat(html(add(me, uniqueName()).andExpect(status().isOk()))).contains("Your list is full (20 entries)");
	}
}
