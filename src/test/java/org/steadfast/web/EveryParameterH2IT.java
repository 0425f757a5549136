package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Viewer;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

/**
 * Feeds every parameter of every route (path variables, request parameters and the fields of form
 * records, read from the handler mapping so that a new route is covered without touching this test)
 * with huge, negative, non-numeric, non-ASCII-digit and odd date values, as a guest, a member and an
 * administrator, and expects no 5xx for any of them. Runs once, on H2: it is about the web layer.
 */
@IntegrationTest
class EveryParameterH2IT {

	static final List<String> VALUES = List.of("99999999999999999999", "2147483648", "2147483647", "71582790", "-1", "-2147483648", "0", "abc",
			"1e9", " 1", "１２３", "١٢٣", "+999999999-12-31", "0000-00-00", "-0001-01-01");

	/** Guests and administrators get one value of each kind, to keep the run short; members get them all. */
	static final List<String> SOME_VALUES = List.of("99999999999999999999", "2147483647", "-1", "١٢٣",
			"+999999999-12-31");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	CategoryRepository categories;

	@Autowired
	FormTokens formTokens;

	@Autowired
	JdbcTemplate jdbc;

	record Route(HttpMethod method, String pattern, Set<String> pathVariables, Set<String> parameters) {
	}

	@Test
	void noParameterOfAnyRouteGivesAServerErrorWhateverItHolds() throws Exception {
		MemberPrincipal member = members.create("fuzzed");
		MemberPrincipal admin = members.admin("fuzzadmin");
		Topic topic = topics.startTopic(member.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("starting-out").orElseThrow().getId(), "Odd input welcome", "Hello there",
				List.of("odd-input")), formTokens.issue(member.id()));
		long post = jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class, topic.getId());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String location = mvc.perform(MockMvcRequestBuilders.post("/plans/new")
				.with(user(member)).with(csrf()).param("title", "My plan").param("statement", "Nothing.")
				.param("startDate", today.minusDays(3).toString()).param("target", "30").param("visibility", "MEMBERS")
				.param("keyDay", today.plusDays(5).toString()).param("keyLabel", "Birthday")
				.param("formToken", formTokens.issue(member.id()))).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/plans/\\d+");
		String plan = location.substring("/plans/".length());
		Map<String, String> baseline = Map.of("id", String.valueOf(topic.getId()), "slug", topic.getSlug(), "username",
				member.username(), "name", "odd-input", "postId", String.valueOf(post));
		// The other fields of a form hold valid values, so that the one under test is what the handler trips on.
		Map<String, String> valid = new HashMap<>(Map.ofEntries(Map.entry("title", "A fair title"),
				Map.entry("statement", "Nothing."), Map.entry("startDate", today.minusDays(3).toString()),
				Map.entry("target", "30"), Map.entry("customDays", "45"), Map.entry("visibility", "MEMBERS"),
				Map.entry("keyDay", today.plusDays(5).toString()), Map.entry("keyLabel", "Birthday"),
				Map.entry("day", today.toString()), Map.entry("kept", "yes"), Map.entry("mood", "3"),
				Map.entry("urge", "2"), Map.entry("body", "Hello there, friend"), Map.entry("kind", "TEXTED"),
				Map.entry("initiatedBy", "ME"), Map.entry("channel", "TEXT")));
		Map<String, String> ids = Map.of("/plans/", plan, "/p/", String.valueOf(post));

		List<Route> routes = routes();
		assertThat(routes).hasSizeGreaterThan(40);
		assertThat(routes).anySatisfy(r -> assertThat(r.parameters()).contains("keyDay"));
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (MemberPrincipal who : new MemberPrincipal[] { null, member, admin }) {
			for (Route route : routes) {
				List<String> names = new ArrayList<>(route.pathVariables());
				names.addAll(route.parameters());
				for (String name : names) {
					for (String value : who == member ? VALUES : SOME_VALUES) {
						Map<String, String> path = new LinkedHashMap<>();
						route.pathVariables().forEach(v -> path.put(v, baseline.getOrDefault(v, "1")));
						ids.forEach((prefix, id) -> {
							if (route.pattern().startsWith(prefix) && path.containsKey("id")) {
								path.put("id", id);
							}
						});
						boolean isPath = route.pathVariables().contains(name);
						if (isPath) {
							path.put(name, value);
						}
						String uri = route.pattern();
						for (var e : path.entrySet()) {
							uri = uri.replaceAll("\\{" + e.getKey() + "(:[^}]*)?}",
									Matcher.quoteReplacement(
											UriUtils.encodePathSegment(e.getValue(),
													StandardCharsets.UTF_8)));
						}
						MockHttpServletRequestBuilder request = request(route.method(), URI.create(uri));
						for (String other : route.parameters()) {
							if (!other.equals(name) && valid.containsKey(other)) {
								request.param(other, valid.get(other));
							}
						}
						if (!isPath) {
							request.param(name, value);
						}
						if (who != null) {
							request.with(user(who));
						}
						request.with(csrf());
						requests++;
						String what = (who == null ? "guest" : who == admin ? "admin" : "member") + " " + route.method() + " "
								+ uri + (isPath ? "" : " " + name + "=" + value);
						try {
							int status = mvc.perform(request).andReturn().getResponse().getStatus();
							if (status >= 500) {
								failures.add(status + " " + what);
							}
						}
						catch (Exception e) {
							failures.add("exception " + what + ": " + rootCause(e));
						}
					}
				}
			}
		}
		System.out.println("EveryParameterH2IT: " + routes.size() + " routes, " + requests + " requests");
		failures.forEach(f -> System.out.println("FAIL " + f));
		assertThat(failures).as("requests answered with a server error").isEmpty();
	}

	private static String rootCause(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

	/** Every mapped route with the names of its path variables and of what it reads from the request. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.steadfast")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<String> pathVariables = new TreeSet<>();
			Set<String> parameters = new TreeSet<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = parameter.getParameterType();
				PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
				RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
				if (pathVariable != null) {
					pathVariables.add(!pathVariable.name().isEmpty() ? pathVariable.name() : parameter.getParameterName());
				}
				else if (requestParam != null) {
					if (!Map.class.isAssignableFrom(type)) {
						parameters.add(!requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName());
					}
				}
				// The reader (Viewer) comes from the session, like the principal, not from the request's parameters.
				else if (type.isRecord() && type.getPackageName().startsWith("org.steadfast")
						&& !parameter.hasParameterAnnotation(AuthenticationPrincipal.class) && type != Viewer.class) {
					for (RecordComponent component : type.getRecordComponents()) {
						parameters.add(component.getName());
					}
				}
			}
			Set<String> patterns = info.getPathPatternsCondition() != null
					? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = Set.of(RequestMethod.GET);
			}
			for (String pattern : patterns) {
				for (var method : methods) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, pathVariables, parameters));
				}
			}
		}
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
		return routes;
	}
}
