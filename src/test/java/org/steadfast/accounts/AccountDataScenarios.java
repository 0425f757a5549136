package org.steadfast.accounts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.steadfast.accounts.PersonalData.Erasure;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Post;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.TopicService.NewTopic;
import org.steadfast.forum.Viewer;
import org.steadfast.search.ForumSearch;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.Searcher;
import org.steadfast.support.Members;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Settings → Your data: the export and the two ways of leaving, as a member (and staff, on request)
 * uses them. After an erasure a walk over every table, found from the database's own metadata,
 * must find nothing of the member. On H2 ({@link AccountDataH2IT}) and MariaDB ({@link AccountDataMariaDbIT}).
 */
abstract class AccountDataScenarios {

	static final String PASSWORD = Members.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	AccountData data;

	@Autowired
	AccountDataProperties properties;

	@Autowired
	ForumSearch search;

	@Autowired
	AccountTokens tokens;

	long category() {
		return jdbc.queryForObject("select id from category where slug = 'starting-out'", Long.class);
	}

	Topic topic(MemberPrincipal author, String title, String body) {
		return topics.startTopic(author.id(), NewTopic.discussion(category(), title, body, List.of()),
				formTokens.issue(author.id()));
	}

	Post reply(MemberPrincipal author, Topic topic, String body) {
		return topics.reply(topic.getId(), author.id(), false, body, formTokens.issue(author.id()));
	}

	long hits(String text) {
		return search.search(SearchRequest.of(text), Searcher.of(Viewer.GUEST)).total();
	}

	/** A topic's address as its pages give it (id and slug). */
	String topicUrl(Topic topic) throws Exception {
		MvcResult first = mvc.perform(get("/t/" + topic.getId())).andReturn();
		String location = first.getResponse().getRedirectedUrl();
		return location == null ? "/t/" + topic.getId() : location;
	}

	static String marker() {
		return "zq" + Long.toString(System.nanoTime(), 36);
	}

	MockHttpSession signIn(String login) throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf()).with(r -> {
			r.setRemoteAddr("198.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
			return r;
		}).param("login", login).param("password", PASSWORD)).andExpect(authenticated()).andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void aGuestIsSentToSignInAndEveryFormNeedsItsToken() throws Exception {
		mvc.perform(get("/settings/data")).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		MemberPrincipal me = members.create("tok");
		mvc.perform(post("/settings/data/export").with(user(me)).param("password", PASSWORD))
				.andExpect(status().isForbidden());
		mvc.perform(post("/settings/data/delete").with(user(me)).param("password", PASSWORD).param("mode", "EVERYTHING"))
				.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from member where id = ?", Integer.class, me.id())).isEqualTo(1);
	}

	@Test
	void aWrongPasswordIsRefusedOnTheSamePageAndTheMemberSeesTheAttempt() throws Exception {
		MemberPrincipal me = members.create("wrong");
		mvc.perform(post("/settings/data/export").with(user(me)).with(csrf()).param("password", "not my password at all"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("That isn&#39;t your password.")));
		mvc.perform(post("/settings/data/delete").with(user(me)).with(csrf()).param("password", "")
				.param("mode", "EVERYTHING"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Please type your password")));
		mvc.perform(post("/settings/data/delete").with(user(me)).with(csrf()).param("password", PASSWORD)
				.param("mode", "SOMETHING"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Please choose what happens")));
		mvc.perform(get("/settings/data").with(user(me)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Copy of your data asked for with a wrong password")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Account deletion asked for with a wrong password")));
		assertThat(jdbc.queryForObject("select count(*) from member where id = ?", Integer.class, me.id())).isEqualTo(1);
	}

	@Test
	void anExportOfFiveThousandPostsIsCompleteValidAndReadInBatches() throws Exception {
		MemberPrincipal me = members.create("many");
		Topic topic = topic(me, "A long diary " + marker(), "Day one of many.");
		// 4,999 more posts, written straight to the table: the export is what is tested here.
		LocalDateTime now = LocalDateTime.now();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 2; i <= 5000; i++) {
			String text = "Entry " + i + " with \"quotes\", a tab\tand a line\nbreak";
			rows.add(new Object[] { topic.getId(), i, me.id(), text, "<p>" + text + "</p>", text, "h" + i, now });
		}
		jdbc.batchUpdate("insert into post (topic_id, number, author_id, source, html, plain_text, body_hash, status, "
				+ "created_at) values (?, ?, ?, ?, ?, ?, ?, 'VISIBLE', ?)", rows);

		long started = System.nanoTime();
		MvcResult pending = mvc.perform(post("/settings/data/export").with(user(me)).with(csrf()).param("password", PASSWORD))
				.andExpect(request().asyncStarted()).andReturn();
		MvcResult done = mvc.perform(asyncDispatch(pending)).andExpect(status().isOk()).andReturn();
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(done.getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(done.getResponse().getHeader("Content-Disposition")).contains("attachment");
		byte[] zip = done.getResponse().getContentAsByteArray();

		Map<String, byte[]> entries = unzip(zip);
		assertThat(entries).containsKeys("account.json", "posts.json", "post-revisions.json", "topics.json", "reactions.json",
				"follows.json", "plans.json", "check-ins.json", "slips.json", "contact-log.json", "partner-profile.json",
				"partner-messages.json", "notification-preferences.json", "mail-settings.json", "your-data.html");
		ObjectMapper json = new ObjectMapper();
		for (var entry : entries.entrySet()) {
			if (entry.getKey().endsWith(".json")) {
				assertThat(json.readTree(entry.getValue()).isArray()).as(entry.getKey()).isTrue();
			}
		}
		JsonNode posts = json.readTree(entries.get("posts.json"));
		assertThat(posts).hasSize(5000);
		assertThat(posts.get(4999).get("source").asString()).isEqualTo("Entry 5000 with \"quotes\", a tab\tand a line\nbreak");
		JsonNode account = json.readTree(entries.get("account.json"));
		assertThat(account.get(0).get("username").asString()).isEqualTo(me.username());
		assertThat(account.get(0).has("password_hash")).isFalse();
		String html = new String(entries.get("your-data.html"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("Entry 5000 with &quot;quotes&quot;").endsWith("</body></html>\n");

		var stats = data.export(me.id(), new ByteArrayOutputStream());
		int batch = properties.getExportBatch();
		assertThat(stats.largestBatch()).isLessThanOrEqualTo(batch);
		assertThat(stats.batches()).isGreaterThanOrEqualTo(5000 / batch);
		System.out.printf("export of 5,000 posts: %d ms, %d bytes zipped, %d rows, %d statements, largest batch %d%n",
				millis, zip.length, stats.rows(), stats.batches(), stats.largestBatch());
		mvc.perform(get("/settings/data").with(user(me))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Copy of your data downloaded")));
	}

	static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new HashMap<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/** A member with something in (nearly) every module, and someone else who answered them. */
	record Leaver(MemberPrincipal me, MemberPrincipal other, String word, Topic own, Topic answered, Topic others,
			Post otherReply, Post myReply) {
	}

	Leaver leaverWithEverything() throws Exception {
		MemberPrincipal me = members.create("leave");
		MemberPrincipal other = members.create("stay");
		String word = marker();
		Topic own = topic(me, "Only mine " + word, "Nobody answered " + word);
		Topic answered = topic(me, "Answered " + word, "Someone answered " + word);
		Post otherReply = reply(other, answered, "You are not alone, friend.");
		Topic others = topic(other, "Somebody else's topic", "Words of the one who stays.");
		Post myReply = reply(me, others, "My public reply " + word);
		mvc.perform(post("/p/" + otherReply.getId() + "/react").with(user(me)).with(csrf()).param("kind", "HUG"));
		assertThat(jdbc.queryForObject("select count(*) from topic_follow where member_id = ?", Integer.class, me.id()))
				.as("replying follows").isPositive();
		jdbc.update("insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)", other.id(), me.id(),
				LocalDateTime.now());
		jdbc.update("insert into flag (post_id, member_id, reason, created_at) values (?, ?, 'UNKIND', ?)", otherReply.getId(),
				me.id(), LocalDateTime.now());
		jdbc.update("insert into persistent_logins (username, series, token, last_used) values (?, ?, 't', ?)",
				me.username(), "s" + word, LocalDateTime.now());
		jdbc.update("insert into notification (member_id, kind, actor_id, topic_id, created_at) values (?, 'REPLY', ?, ?, ?)",
				other.id(), me.id(), others.getId(), LocalDateTime.now());
		jdbc.update("insert into partner_profile (member_id, intro, updated_at) values (?, ?, ?)", me.id(),
				"Looking for a partner " + word, LocalDateTime.now());
		long plan = planFor(me, word);
		jdbc.update("insert into plan_slip (plan_id, on_day, kind, initiated_by, note, created_at) values (?, ?, 'TEXTED', 'ME', ?, ?)",
				plan, java.time.LocalDate.now(), "Slip " + word, LocalDateTime.now());
		jdbc.update("insert into plan_contact (plan_id, on_day, channel, offered, created_at) values (?, ?, 'TEXT', ?, ?)",
				plan, java.time.LocalDate.now(), "They wrote " + word, LocalDateTime.now());
		jdbc.update("insert into sanction (member_id, kind, reason, starts_at, created_by) values (?, 'WARN', ?, ?, ?)",
				me.id(), "Be kind " + word, LocalDateTime.now(), other.id());
		jdbc.update("insert into login_failure (key_hash, failed_at) values (?, ?)",
				sha256("login:" + me.username().toLowerCase(Locale.ROOT)), LocalDateTime.now());
		jdbc.update("insert into draft (member_id, place, form_fields, updated_at) values (?, ?, ?, ?)", me.id(),
				"reply:" + others.getId(), "{\"body\":\"Half a reply " + word + "\"}", LocalDateTime.now());
		mvc.perform(post("/settings/ex-names").with(user(me)).with(csrf()).param("name", "Rivers " + word))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from ex_name_entry where member_id = ?", Integer.class, me.id()))
				.isEqualTo(1);
		assertThat(hits(word)).isPositive();
		return new Leaver(me, other, word, own, answered, others, otherReply, myReply);
	}

	long planFor(MemberPrincipal me, String word) {
		Topic planTopic = topics.startTopic(me.id(), new NewTopic(category(), "My plan " + word, "My plan " + word, List.of(),
				org.steadfast.forum.TopicKind.PLAN, org.steadfast.forum.Visibility.PRIVATE), formTokens.issue(me.id()));
		jdbc.update("insert into plan (topic_id, member_id, active_member_id, status, statement, start_date, target_days, "
				+ "reasons, created_at) values (?, ?, ?, 'ACTIVE', ?, ?, 30, ?, ?)", planTopic.getId(), me.id(), me.id(),
				"Statement " + word, java.time.LocalDate.now(), "Reasons " + word, LocalDateTime.now());
		return jdbc.queryForObject("select id from plan where member_id = ?", Long.class, me.id());
	}

	static String sha256(String value) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void erasingEverythingLeavesNothingOfTheMemberAnywhereAndOthersRepliesStayReadable() throws Exception {
		Leaver l = leaverWithEverything();
		MockHttpSession elsewhere = signIn(l.me().username());
		mvc.perform(post("/settings/data/delete").session(signIn(l.me().username())).with(csrf())
				.param("password", PASSWORD).param("mode", "EVERYTHING"))
				.andExpect(redirectedUrl("/"))
				.andExpect(flash().attribute("notice", "data.deleted"));

		noTraceOf(l);
		assertThat(hits(l.word())).isZero();
		mvc.perform(get("/t/" + l.own().getId())).andExpect(status().isNotFound());
		mvc.perform(get("/u/" + l.me().username())).andExpect(status().isNotFound());
		mvc.perform(get(topicUrl(l.answered()))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("You are not alone, friend.")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(l.word()))));
		mvc.perform(get(topicUrl(l.others()))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(l.word()))));
		// Every session of theirs ended, not only the one they left from.
		mvc.perform(get("/settings/data").session(elsewhere)).andExpect(status().is3xxRedirection())
				.andExpect(unauthenticated());
		assertThat(jdbc.queryForObject("select count(*) from erasure_record where mode = 'EVERYTHING' and staff_id is null",
				Integer.class)).isPositive();
	}

	@Test
	void keepingPublicPostsShowsThemUnderTheFormerMemberAndErasesTheRest() throws Exception {
		Leaver l = leaverWithEverything();
		mvc.perform(post("/settings/data/delete").with(user(l.me())).with(csrf()).param("password", PASSWORD)
				.param("mode", "KEEP_PUBLIC_POSTS"))
				.andExpect(redirectedUrl("/"));
		noTraceOf(l, "My public reply " + l.word(), "Only mine " + l.word(), "Nobody answered " + l.word(),
				"Answered " + l.word(), "Someone answered " + l.word());
		mvc.perform(get(topicUrl(l.others()))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("My public reply " + l.word())))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Former member")));
		assertThat(jdbc.queryForObject("select count(*) from plan_slip where note like ?", Integer.class, "%" + l.word() + "%"))
				.isZero();
		// Their two public topics and the topic they replied in; not their private plan.
		assertThat(hits(l.word())).isEqualTo(3);
		mvc.perform(get(topicUrl(l.own()))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Nobody answered " + l.word())));
	}

	@Test
	void aFreedNameIsHeldAndJoiningWithTheAddressLooksLikeAnyOtherJoin() throws Exception {
		MemberPrincipal me = members.create("held");
		String email = me.username() + "@example.org";
		data.erase(me.id(), Erasure.EVERYTHING, null);
		mvc.perform(post("/register").with(csrf()).param("username", me.username()).param("email", marker() + "@example.org")
				.param("password", PASSWORD).param("timeZone", "Europe/London"))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("taken")));
		String fresh = "fr" + marker().substring(2);
		mvc.perform(post("/register").with(csrf()).param("username", fresh).param("email", email.toUpperCase(Locale.ROOT))
				.param("password", PASSWORD).param("timeZone", "Europe/London"))
				.andExpect(redirectedUrl("/login"))
				.andExpect(flash().attribute("notice", "register.checkInbox"));
		assertThat(jdbc.queryForObject("select count(*) from member where username_key = ?", Integer.class, fresh)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where to_address = ?", Integer.class, email)).isZero();
		MemberPrincipal other = members.create("mover");
		assertThat(tokens.requestEmailChange(other.id(), PASSWORD, email)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from account_token where new_email = ?", Integer.class, email))
				.as("no change to a held address is offered").isZero();
	}

	@Test
	void staffEraseAnAccountOnRequestAndTheRecordNamesOnlyThem() throws Exception {
		Leaver l = leaverWithEverything();
		MemberPrincipal admin = members.admin("eraser");
		mvc.perform(post("/admin/members/" + l.me().id() + "/erase").with(user(admin)).with(csrf())
				.param("mode", "EVERYTHING").param("confirm", "no"))
				.andExpect(redirectedUrl("/admin/members"))
				.andExpect(flash().attribute("roleError", "data.staff.confirm"));
		mvc.perform(post("/admin/members/" + l.me().id() + "/erase").with(user(l.other())).with(csrf())
				.param("mode", "EVERYTHING").param("confirm", "ERASE"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/admin/members/" + l.me().id() + "/erase").with(user(admin)).with(csrf())
				.param("mode", "EVERYTHING").param("confirm", "ERASE"))
				.andExpect(redirectedUrl("/admin/members"))
				.andExpect(flash().attribute("notice", "data.staff.erased"));
		noTraceOf(l);
		assertThat(jdbc.queryForObject("select count(*) from erasure_record where staff_id = ?", Integer.class, admin.id()))
				.isEqualTo(1);
		mvc.perform(post("/admin/members/" + l.me().id() + "/erase").with(user(admin)).with(csrf())
				.param("mode", "EVERYTHING").param("confirm", "ERASE"))
				.andExpect(status().isNotFound());
	}

	/** Columns that point at a member: foreign keys to member(id), and columns named like one. */
	static final Pattern MEMBER_COLUMN = Pattern.compile(
			"(^|_)(member|author|actor|editor|poster|from|to|blocker|blocked|partner|staff)(_id)?$|_by$|^member_[ab]$|^target_id$");

	void noTraceOf(Leaver l, String... keptTexts) throws Exception {
		long id = l.me().id();
		List<String> found = new ArrayList<>();
		Set<String> texts = new TreeSet<>(List.of(l.me().username().toLowerCase(Locale.ROOT),
				(l.me().username() + "@example.org").toLowerCase(Locale.ROOT)));
		jdbc.execute((Connection c) -> {
			DatabaseMetaData meta = c.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			assertThat(tables).as("tables found").hasSizeGreaterThan(40);
			for (String table : tables) {
				Set<String> memberColumns = new TreeSet<>();
				try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
					while (rs.next()) {
						if (rs.getString("PKTABLE_NAME").equalsIgnoreCase("member")) {
							memberColumns.add(rs.getString("FKCOLUMN_NAME"));
						}
					}
				}
				List<String> textColumns = new ArrayList<>();
				try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
					while (rs.next()) {
						String column = rs.getString("COLUMN_NAME");
						int type = rs.getInt("DATA_TYPE");
						boolean number = type == Types.BIGINT || type == Types.INTEGER;
						if (number && MEMBER_COLUMN.matcher(column.toLowerCase(Locale.ROOT)).find()) {
							memberColumns.add(column);
						}
						if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB
								|| type == Types.NVARCHAR) {
							textColumns.add(column);
						}
					}
				}
				if (table.equalsIgnoreCase("member")) {
					memberColumns.add("id");
				}
				for (String column : memberColumns) {
					Integer n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?",
							Integer.class, id);
					if (n != null && n > 0) {
						found.add(table + "." + column + " = " + id);
					}
				}
				for (String column : textColumns) {
					for (String text : texts) {
						Integer n = jdbc.queryForObject("select count(*) from " + table + " where lower(" + column
								+ ") like ?", Integer.class, "%" + text + "%");
						if (n != null && n > 0) {
							found.add(table + "." + column + " contains " + text);
						}
					}
					Integer n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?",
							Integer.class, "%" + l.word() + "%");
					if (n != null && n > 0 && !(table.equalsIgnoreCase("post") || table.equalsIgnoreCase("topic"))) {
						found.add(table + "." + column + " contains " + l.word());
					}
				}
			}
			return null;
		});
		assertThat(found).as("what is left of the erased member").isEmpty();
		// What they wrote is gone from posts and titles, except what they chose to keep.
		List<String> left = new ArrayList<>(jdbc.queryForList("select source from post where source like ?", String.class,
				"%" + l.word() + "%"));
		left.addAll(jdbc.queryForList("select title from topic where title like ?", String.class, "%" + l.word() + "%"));
		assertThat(left).allMatch(text -> List.of(keptTexts).contains(text));
		// Others' notifications about them, and mail to them, are gone.
		assertThat(jdbc.queryForObject("select count(*) from notification where member_id = ?", Integer.class,
				l.other().id())).isZero();
	}
}
