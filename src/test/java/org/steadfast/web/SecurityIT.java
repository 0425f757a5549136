package org.steadfast.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.Role;
import org.steadfast.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


@IntegrationTest
class SecurityIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static MemberPrincipal member(Role role) {
		return new MemberPrincipal(999_999L, "tester", "Tester", "Europe/London", role, "{noop}x");
	}

	/** Every POST route of the application, with path variables filled in. */
	Set<String> postRoutes() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().forEach(p -> routes.add(p.replaceAll("\\{[^}]+}", "1")));
			}
		});
		routes.add("/login");
		routes.add("/logout");
		return routes;
	}

	@Test
	void everyPostWithoutCsrfTokenIsForbidden() throws Exception {
		Set<String> routes = postRoutes();
		assertThat(routes).contains("/register", "/settings", "/settings/password", "/login", "/logout");
		for (String route : routes) {
			if (route.startsWith("/unsubscribe/")) {
				// RFC 8058: mail clients unsubscribe with a bare POST; the token in the URL is the proof.
				mvc.perform(post(route)).andExpect(status().isNotFound());
				continue;
			}
			mvc.perform(post(route).with(user(member(Role.ADMIN))))
					.andExpect(status().isForbidden());
			mvc.perform(post(route)).andExpect(status().isForbidden());
		}
	}

	@Test
	void guestsAreSentToSignInForMemberPages() throws Exception {
		for (String page : List.of("/settings")) {
			mvc.perform(get(page)).andExpect(status().is3xxRedirection())
					.andExpect(redirectedUrl("/login"));
		}
		mvc.perform(post("/settings").with(csrf()).param("displayName", "x").param("timeZone", "UTC"))
				.andExpect(status().is3xxRedirection());
	}

	@Test
	void membersGetForbiddenOnAdminAndModeratorPages() throws Exception {
		mvc.perform(get("/admin").with(user(member(Role.MEMBER)))).andExpect(status().isForbidden());
		mvc.perform(get("/mod").with(user(member(Role.MEMBER)))).andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(user(member(Role.MODERATOR)))).andExpect(status().isForbidden());
	}

	@Test
	void everyResponseCarriesTheProtectiveHeaders() throws Exception {
		mvc.perform(get("/help"))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", Matchers.allOf(
						Matchers.containsString("script-src 'self'"), Matchers.containsString("frame-ancestors 'none'"),
						Matchers.not(Matchers.containsString("unsafe-inline")))))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "same-origin"))
				.andExpect(header().string("X-Frame-Options", "DENY"));
		mvc.perform(get("/settings").with(user(member(Role.MEMBER))))
				.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
	}

	@Test
	void theCrisisPageIsOpenToEveryoneAndLinkedFromEveryPage() throws Exception {
		mvc.perform(get("/help")).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("988")));
		mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("href=\"/help\"")));
	}
}
