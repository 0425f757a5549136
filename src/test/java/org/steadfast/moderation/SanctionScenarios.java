package org.steadfast.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.Role;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Visibility;
import org.steadfast.partners.PartnerMatching;
import org.steadfast.partners.PartnerProfiles;
import org.steadfast.partners.Partnerships;
import org.steadfast.partners.matching.Wish;
import org.steadfast.plans.PlanDraft;
import org.steadfast.plans.PlanService;
import org.steadfast.search.SearchIndexer;
import org.steadfast.support.Members;
import org.steadfast.support.Partnering;
import org.steadfast.support.StatementCounter;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Sanctions hold on every write path: a table of every POST route the application maps, requested
 * under every sanction. Runs on H2 ({@link SanctionsH2IT}) and MariaDB ({@link SanctionsMariaDbIT}).
 */
abstract class SanctionScenarios {

	enum Silenced {
		MAY, REFUSED
	}

	/**
	 * Every POST route, and whether a silenced member may use it. A new route fails
	 * {@link #everyPostRouteIsClassified} until it is added here (the application refuses it to
	 * silenced members until it is added to SanctionGuard.SILENCED_MAY).
	 */
	static final Map<String, Silenced> ROUTES = Map.ofEntries(
			entry("/register", Silenced.MAY), entry("/verify", Silenced.MAY), entry("/email/confirm", Silenced.MAY),
			entry("/password/forgot", Silenced.MAY), entry("/password/reset", Silenced.MAY),
			entry("/settings", Silenced.REFUSED), entry("/settings/password", Silenced.MAY),
			entry("/settings/email", Silenced.MAY), entry("/settings/verify", Silenced.MAY),
			entry("/settings/notifications", Silenced.MAY), entry("/u/{username}/block", Silenced.MAY),
			entry("/settings/ex-names", Silenced.MAY), entry("/settings/ex-names/remove", Silenced.MAY),
			entry("/settings/ex-names/clear", Silenced.MAY), entry("/settings/ex-names/choice", Silenced.MAY),
			entry("/admin/members/{id}/role", Silenced.REFUSED), entry("/admin/members/{id}/erase", Silenced.REFUSED),
			entry("/settings/data/export", Silenced.MAY), entry("/settings/data/delete", Silenced.MAY),
			entry("/t/new", Silenced.REFUSED), entry("/t/{id}/reply", Silenced.REFUSED),
			entry("/t/{id}/helpful", Silenced.REFUSED), entry("/t/{id}/follow", Silenced.MAY),
			entry("/p/{id}/edit", Silenced.REFUSED), entry("/p/{id}/delete", Silenced.MAY),
			entry("/p/{id}/history/{revisionId}/delete", Silenced.MAY),
			entry("/drafts", Silenced.MAY), entry("/drafts/discard", Silenced.MAY),
			entry("/plans/{id}/purpose", Silenced.REFUSED), entry("/plans/{id}/slips/{slipId}/share", Silenced.REFUSED),
			entry("/p/{id}/react", Silenced.REFUSED), entry("/p/{id}/flag", Silenced.MAY),
			entry("/admin/categories", Silenced.REFUSED), entry("/admin/categories/{id}", Silenced.REFUSED),
			entry("/admin/categories/{id}/move", Silenced.REFUSED), entry("/admin/categories/{id}/archive", Silenced.REFUSED),
			entry("/mod/t/{id}/pin", Silenced.REFUSED), entry("/mod/t/{id}/lock", Silenced.REFUSED),
			entry("/mod/tags/{name}/describe", Silenced.REFUSED), entry("/mod/tags/{name}/rename", Silenced.REFUSED),
			entry("/mod/tags/{name}/merge", Silenced.REFUSED),
			entry("/plans/new", Silenced.REFUSED), entry("/plans/{id}/checkin", Silenced.REFUSED),
			entry("/plans/{id}/edit", Silenced.REFUSED), entry("/plans/{id}/end", Silenced.REFUSED),
			entry("/plans/{id}/slip", Silenced.REFUSED), entry("/plans/{id}/contact", Silenced.REFUSED),
			entry("/admin/watched-words", Silenced.REFUSED), entry("/admin/watched-words/{id}/delete", Silenced.REFUSED),
			entry("/mod/review/{id}", Silenced.REFUSED), entry("/mod/posts/{id}/edit", Silenced.REFUSED),
			entry("/mod/members/{username}/sanction", Silenced.REFUSED), entry("/mod/members/{username}/lift", Silenced.REFUSED),
			entry("/mod/members/{username}/note", Silenced.REFUSED), entry("/admin/search/rebuild", Silenced.REFUSED),
			entry("/notifications/{id}/open", Silenced.MAY), entry("/notifications/{id}/read", Silenced.MAY),
			entry("/notifications/read-all", Silenced.MAY), entry("/unsubscribe/{token}", Silenced.MAY),
			entry("/mod/partner-messages/{id}/reviewed", Silenced.REFUSED),
			entry("/partners/sos", Silenced.MAY), entry("/partners/sos/{id}/answer", Silenced.REFUSED),
			entry("/partners/sos/{id}/close", Silenced.MAY), entry("/partners/profile", Silenced.REFUSED),
			entry("/partners/find", Silenced.REFUSED), entry("/partners/proposals/{id}/accept", Silenced.REFUSED),
			entry("/partners/proposals/{id}/decline", Silenced.MAY), entry("/partners/partnerships/{id}/end", Silenced.MAY),
			entry("/partners/partnerships/{id}/renew", Silenced.REFUSED), entry("/partners/messages", Silenced.REFUSED),
			entry("/partners/messages/{id}/flag", Silenced.MAY));

	/** What the refusal pages say (silenced; suspended or banned). */
	static final String SILENCED_TEXT = "paused your posting";
	static final String SIGNED_OUT_TEXT = "you have been signed out";

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	Partnering partnering;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ModerationService moderation;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	StatementCounter statements;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	PlanService plans;

	@Autowired
	FormTokens formTokens;

	@Autowired
	TopicService topics;

	@Autowired
	CategoryRepository categories;

	@Autowired
	PartnerProfiles profiles;

	@Autowired
	PartnerMatching matching;

	@Autowired
	Partnerships partnerships;

	Set<String> postRoutes() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			// Boot's error page answers every method and writes nothing.
			if (method.getBeanType().getName().startsWith("org.springframework.boot.")) {
				return;
			}
			var methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.POST)) {
				routes.addAll(info.getPatternValues());
			}
		});
		return routes;
	}

	@Test
	void everyPostRouteIsClassified() {
		Set<String> mapped = postRoutes();
		assertThat(mapped).as("POST routes without a line in SanctionScenarios.ROUTES").isSubsetOf(ROUTES.keySet());
		assertThat(ROUTES.keySet()).as("lines in SanctionScenarios.ROUTES for routes that are gone").isSubsetOf(mapped);
		assertThat(mapped).hasSizeGreaterThan(50);
	}

	@Test
	void everyPostRouteUnderEverySanctionIsAllowedOrRefusedWithoutAWrite() throws Exception {
		MemberPrincipal sanctioner = members.admin("judge");
		var soft = new SoftAssertions();
		int requests = 0;
		try {
			for (SanctionKind kind : SanctionKind.values()) {
				// Staff, so that the role checks of /mod and /admin let the request reach the guard.
				MemberPrincipal member = staff("table" + kind.name().toLowerCase());
				moderation.sanction(member.id(), sanctioner.id(), kind, Duration.ofDays(3), "Table test");
				for (String route : ROUTES.keySet()) {
					boolean refused = kind == SanctionKind.SUSPEND || kind == SanctionKind.BAN
							|| (kind == SanctionKind.SILENCE && ROUTES.get(route) == Silenced.REFUSED);
					String path = fill(route);
					MvcResult[] result = new MvcResult[1];
					List<String> writes = statements.writes(() -> result[0] = mvc.perform(post(path).with(user(member))
							.with(csrf()).param("reason", "table test")).andReturn());
					requests++;
					MockHttpServletResponse response = result[0].getResponse();
					String page = HtmlUtils.htmlUnescape(response.getContentAsString());
					String what = kind + " POST " + path;
					if (refused) {
						soft.assertThat(response.getStatus()).as(what).isEqualTo(403);
						soft.assertThat(page).as(what).contains(kind == SanctionKind.SILENCE ? SILENCED_TEXT : SIGNED_OUT_TEXT);
						// Ending the member's remember-me tokens is the only write a refusal makes.
						soft.assertThat(writes.stream().filter(sql -> !sql.toLowerCase().contains("persistent_logins")))
								.as(what + " wrote").isEmpty();
						if (kind == SanctionKind.SILENCE) {
							// The guard reads sanctions from memory: a refusal costs only the bell in the 403 page's header.
							// Counted on the same request again, so that a short-lived cache the first one refilled
							// (categories are kept for seconds) is not counted as the refusal's cost.
							int again = statements.count(() -> mvc.perform(post(path).with(user(member)).with(csrf())
									.param("reason", "table test")).andExpect(status().isForbidden()));
							soft.assertThat(again).as(what + " statements").isLessThanOrEqualTo(1);
						}
					}
					else {
						soft.assertThat(page).as(what).doesNotContain(SILENCED_TEXT, SIGNED_OUT_TEXT);
						soft.assertThat(response.getStatus()).as(what).isLessThan(500);
					}
				}
			}
		}
		finally {
			// The warned administrator really started a rebuild; let it end before other tests search.
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (indexer.progress().running() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		System.out.println("Sanction table: " + ROUTES.size() + " POST routes x " + SanctionKind.values().length
				+ " sanctions = " + requests + " requests");
		soft.assertAll();
	}

	@Test
	void aSilencedMemberSendsNoPartnerMessageAndChangesNoIntroDisplayNameSlipOrContactLog() throws Exception {
		MemberPrincipal sanctioner = members.admin("quiet");
		MemberPrincipal me = looking("hushed");
		MemberPrincipal partner = looking("hushpal");
		long partnership = partnered(me, partner);
		long plan = jdbc.queryForObject("select topic_id from plan where active_member_id = ?", Long.class, me.id());
		long planRow = jdbc.queryForObject("select id from plan where active_member_id = ?", Long.class, me.id());
		moderation.sanction(me.id(), sanctioner.id(), SanctionKind.SILENCE, Duration.ofDays(2), "A pause");

		List<RequestBuilder> writes = List.of(
				post("/partners/messages").param("to", String.valueOf(partner.id())).param("body", "Are you there?")
						.param("formToken", formTokens.issue(me.id())),
				post("/partners/profile").param("looking", "true").param("checkInHour", "20")
						.param("wishes", "DAILY_ENCOURAGEMENT").param("intro", "A new intro").param("sosHelper", "false"),
				post("/settings").param("displayName", "Renamed While Silenced").param("timeZone", "Europe/London"),
				post("/plans/" + plan + "/slip").param("day", LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).toString())
						.param("kind", "TEXTED").param("initiatedBy", "ME").param("note", "I texted"),
				post("/plans/" + plan + "/contact").param("day", LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).toString())
						.param("channel", "TEXT").param("offered", "Coffee?").param("response", "No reply"));
		for (var write : writes) {
			String page = HtmlUtils.htmlUnescape(mvc.perform(((MockHttpServletRequestBuilder) write)
					.with(user(me)).with(csrf())).andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
			assertThat(page).contains(SILENCED_TEXT);
		}
		assertThat(count("select count(*) from partner_message where from_id = ?", me.id())).isZero();
		assertThat(jdbc.queryForObject("select intro from partner_profile where member_id = ?", String.class, me.id()))
				.isEqualTo("Hi, I am " + me.username());
		assertThat(jdbc.queryForObject("select display_name from member where id = ?", String.class, me.id()))
				.isNotEqualTo("Renamed While Silenced");
		assertThat(count("select count(*) from plan_slip where plan_id = ?", planRow)).isZero();
		assertThat(count("select count(*) from plan_contact where plan_id = ?", planRow)).isZero();

		// What a silenced member may still do for their safety: call for help, and report.
		mvc.perform(post("/partners/sos").with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from partner_sos where member_id = ?", me.id())).isEqualTo(1);
		MemberPrincipal bystander = members.create("bystander");
		var theirs = topics.startTopic(bystander.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("starting-out").orElseThrow().getId(), "Hard day " + UUID.randomUUID().toString().substring(0, 6),
				"Some words to report", List.of()), formTokens.issue(bystander.id()));
		long theirPost = jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class,
				theirs.getId());
		mvc.perform(post("/p/" + theirPost + "/flag").with(user(me)).with(csrf()).param("reason", "UNKIND")
				.param("note", "please look")).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from flag where member_id = ?", me.id())).isEqualTo(1);

		// The same requests write once the silence is lifted, so the refusals above kept real writes out.
		moderation.lift(me.id(), sanctioner.id(), "over");
		for (var write : writes) {
			mvc.perform(((MockHttpServletRequestBuilder) write)
					.with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
		}
		assertThat(count("select count(*) from partner_message where from_id = ?", me.id())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select intro from partner_profile where member_id = ?", String.class, me.id()))
				.isEqualTo("A new intro");
		assertThat(jdbc.queryForObject("select display_name from member where id = ?", String.class, me.id()))
				.isEqualTo("Renamed While Silenced");
		assertThat(count("select count(*) from plan_slip where plan_id = ?", planRow)).isEqualTo(1);
		assertThat(count("select count(*) from plan_contact where plan_id = ?", planRow)).isEqualTo(1);
		assertThat(partnership).isPositive();
	}

	@Test
	void aSuspensionEndsTheMembersSessionAndRememberMeOnTheirNextRequest() throws Exception {
		endsTheSessionOnTheNextRequest(SanctionKind.SUSPEND);
	}

	@Test
	void aBanEndsTheMembersSessionAndRememberMeOnTheirNextRequest() throws Exception {
		endsTheSessionOnTheNextRequest(SanctionKind.BAN);
	}

	private void endsTheSessionOnTheNextRequest(SanctionKind kind) throws Exception {
		MemberPrincipal sanctioner = members.admin("closer");
		MemberPrincipal member = members.create("session");
		MvcResult login = mvc.perform(post("/login").with(csrf()).param("login", member.username())
				.param("password", Members.PASSWORD).param("remember-me", "on")).andExpect(status().is3xxRedirection())
				.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
		var rememberMe = login.getResponse().getCookie("remember-me");
		assertThat(rememberMe).isNotNull();
		mvc.perform(get("/settings").session(session)).andExpect(status().isOk());
		mvc.perform(post("/settings/notifications").session(session).with(csrf()).param("digest", "WEEKLY").param("digestHour", "18"))
				.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from persistent_logins where username = ?", member.username())).isEqualTo(1);
		String nameBefore = jdbc.queryForObject("select display_name from member where id = ?", String.class, member.id());

		moderation.sanction(member.id(), sanctioner.id(), kind, Duration.ofDays(7), "Time away");

		MvcResult refused = mvc.perform(post("/settings").session(session).with(csrf()).param("displayName", "Still Here")
				.param("timeZone", "Europe/London")).andExpect(status().isForbidden()).andReturn();
		assertThat(HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString())).contains(SIGNED_OUT_TEXT);
		assertThat(session.isInvalid()).isTrue();
		assertThat(jdbc.queryForObject("select display_name from member where id = ?", String.class, member.id()))
				.isEqualTo(nameBefore);
		assertThat(count("select count(*) from persistent_logins where username = ?", member.username())).isZero();
		// The remember-me cookie no longer signs anyone in.
		mvc.perform(get("/settings").cookie(rememberMe)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aSanctionAppliedOnAnotherNodeStopsTheMemberWithinTheRefresh() throws Exception {
		MemberPrincipal sanctioner = members.admin("remote");
		MemberPrincipal member = members.create("remotely");
		mvc.perform(post("/notifications/read-all").with(user(member)).with(csrf())).andExpect(status().is3xxRedirection());
		// As another node writes it: straight into the table, nothing on this node is told.
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.update("insert into sanction (member_id, kind, reason, starts_at, ends_at, created_by) values (?, 'SILENCE', ?, ?, ?, ?)",
				member.id(), "From node two", now, now.plusDays(1), sanctioner.id());
		long started = System.nanoTime();
		int status = 0;
		while (System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
			status = mvc.perform(post("/partners/profile").with(user(member)).with(csrf()).param("intro", "hello"))
					.andReturn().getResponse().getStatus();
			if (status == 403) {
				break;
			}
			Thread.sleep(100);
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.println("A sanction from another node was enforced after " + millis + " ms");
		assertThat(status).isEqualTo(403);
		assertThat(millis).isLessThan(5000);
	}

	@Test
	void aSanctionThatEndedNoLongerRestricts() throws Exception {
		MemberPrincipal sanctioner = members.admin("ender");
		MemberPrincipal member = staff("expired");
		moderation.sanction(member.id(), sanctioner.id(), SanctionKind.SILENCE, Duration.ofDays(1), "A day");
		mvc.perform(post("/partners/profile").with(user(member)).with(csrf())).andExpect(status().isForbidden());
		jdbc.update("update sanction set ends_at = ? where member_id = ?",
				LocalDateTime.ofInstant(clock.instant().minusSeconds(1), ZoneOffset.UTC), member.id());
		moderation.lift(member.id(), sanctioner.id(), "refresh");
		mvc.perform(post("/partners/profile").with(user(member)).with(csrf()).param("looking", "false")
				.param("checkInHour", "20").param("intro", "").param("sosHelper", "false"))
				.andExpect(status().is3xxRedirection());
	}

	// --- fixtures

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** A route with values that name nothing, so that allowed requests change nothing of anyone's. */
	static String fill(String route) {
		Matcher m = VARIABLE.matcher(route);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String value = switch (m.group(1)) {
				case "id" -> "987654321";
				case "username" -> "nobody-at-all";
				case "name" -> "no-such-tag";
				default -> "no-such-" + m.group(1);
			};
			m.appendReplacement(path, value);
		}
		m.appendTail(path);
		return path.toString();
	}

	MemberPrincipal staff(String prefix) {
		MemberPrincipal m = members.create(prefix);
		jdbc.update("update member set role = 'ADMIN' where id = ?", m.id());
		return new MemberPrincipal(m.id(), m.username(), m.displayName(), m.zoneId(), Role.ADMIN, m.password());
	}

	int count(String sql, Object... params) {
		return jdbc.queryForObject(sql, Integer.class, params);
	}

	MemberPrincipal looking(String prefix) {
		return partnering.looking(prefix);
	}

	long partnered(MemberPrincipal a, MemberPrincipal b) {
		return partnering.partnered(a, b);
	}

}
