package org.steadfast.web.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.Cookie;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.DispatcherServlet;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Sign-in throttling with device cookies, as a browser meets it, and the security log it leaves.
 * Runs on H2 ({@link LoginThrottleH2IT}) and MariaDB ({@link LoginThrottleMariaDbIT}).
 */
abstract class LoginThrottleScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureTheSecurityLog() {
		log.start();
		((Logger) LoggerFactory.getLogger("security")).addAppender(log);
	}

	@AfterEach
	void stopCapturing() {
		((Logger) LoggerFactory.getLogger("security")).detachAppender(log);
	}

	/** An address of its own per test, so that tests never share a per-address count. */
	private static String anAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	private ResultActions signIn(String login, String password, String address, Cookie... cookies) throws Exception {
		var request = post("/login").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("login", login).param("password", password);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request);
	}

	private Cookie deviceCookieOf(MemberPrincipal member) throws Exception {
		MvcResult result = signIn(member.username(), Members.PASSWORD, anAddress()).andExpect(authenticated()).andReturn();
		Cookie device = result.getResponse().getCookie("device");
		assertThat(device).as("a device cookie after signing in").isNotNull();
		return device;
	}

	/** Five wrong passwords for the login from five addresses: the login is locked for unknown browsers. */
	private void lockForUnknownBrowsers(String login) throws Exception {
		for (int i = 0; i < 5; i++) {
			signIn(login, "wrong password " + i, anAddress()).andExpect(redirectedUrl("/login")).andExpect(unauthenticated());
		}
		signIn(login, Members.PASSWORD, anAddress()).andExpect(status().isTooManyRequests()).andExpect(unauthenticated());
	}

	private List<String> lines(String event) {
		return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(event + " ")).toList();
	}

	@Test
	void theDeviceCookieIsHttpOnlyLaxAndLongLived() throws Exception {
		MemberPrincipal member = members.create("dev");
		MvcResult result = signIn(member.username(), Members.PASSWORD, anAddress()).andExpect(authenticated()).andReturn();
		String setCookie = result.getResponse().getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("device="))
				.findFirst().orElseThrow();
		assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").containsPattern("Max-Age=3153\\d{4}");
		assertThat(setCookie).doesNotContain("Secure");
		// Behind TLS (the proxy's X-Forwarded-Proto, which Tomcat turns into a secure request) it is Secure.
		MvcResult secure = mvc.perform(post("/login").secure(true).with(csrf()).param("login", member.username())
				.param("password", Members.PASSWORD)).andExpect(authenticated()).andReturn();
		assertThat(secure.getResponse().getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("device=")))
				.singleElement().asString().contains("Secure");
	}

	@Test
	void aMemberWithADeviceCookieSignsInWhileTheirUsernameIsLockedForUnknownBrowsers() throws Exception {
		MemberPrincipal member = members.create("lockd");
		Cookie device = deviceCookieOf(member);
		lockForUnknownBrowsers(member.username());
		signIn(member.username(), Members.PASSWORD, anAddress(), device).andExpect(authenticated().withUsername(member.username()));
		// With the email as login too (the cookie names the account, not what was typed).
		lockForUnknownBrowsers(member.username() + "@example.org");
		signIn(member.username() + "@example.org", Members.PASSWORD, anAddress(), device)
				.andExpect(authenticated().withUsername(member.username()));
		// Still locked for everyone else.
		signIn(member.username(), Members.PASSWORD, anAddress()).andExpect(status().isTooManyRequests());
	}

	@Test
	void anUnknownBrowserGets429WithRetryAfterAndTheSignInPageAfterTheLimit() throws Exception {
		MemberPrincipal member = members.create("lim");
		lockForUnknownBrowsers(member.username());
		MvcResult refused = signIn(member.username(), Members.PASSWORD, anAddress())
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(forwardedUrl("/login"))
				.andReturn();
		long seconds = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
		assertThat(seconds).isBetween(1L, 300L);
		assertThat(refused.getResponse().getCookie("device")).isNull();
		// The page it shows carries the same message as before (rendered through the forward on a real server: ForwardedForIT).
		assertThat(refused.getRequest().getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE))
				.asString().contains("loginError=login.throttled");
	}

	@Test
	void aForgedOrAnotherLoginsDeviceCookieDoesNotBypass() throws Exception {
		MemberPrincipal member = members.create("forg");
		MemberPrincipal other = members.create("othr");
		Cookie othersDevice = deviceCookieOf(other);
		Cookie mine = deviceCookieOf(member);
		lockForUnknownBrowsers(member.username());
		// Someone else's valid cookie.
		signIn(member.username(), Members.PASSWORD, anAddress(), othersDevice).andExpect(status().isTooManyRequests());
		// The other's cookie with this member's username swapped in: the signature no longer matches.
		String[] parts = othersDevice.getValue().split("\\.");
		String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(member.username().getBytes()) + "." + parts[1]
				+ "." + parts[2];
		signIn(member.username(), Members.PASSWORD, anAddress(), new Cookie("device", swapped))
				.andExpect(status().isTooManyRequests());
		// This member's own cookie with a changed nonce, and made-up values.
		String[] own = mine.getValue().split("\\.");
		for (String forged : List.of(own[0] + ".AAAAAAAAAAAAAAAAAAAAAA." + own[2], own[0] + "." + own[1] + ".x",
				own[0] + "." + own[1], "", "..", "%%%.%%%.%%%")) {
			signIn(member.username(), Members.PASSWORD, anAddress(), new Cookie("device", forged))
					.andExpect(status().isTooManyRequests());
		}
		signIn(member.username(), Members.PASSWORD, anAddress(), mine).andExpect(authenticated());
	}

	@Test
	void failuresWithADeviceCookieCountAgainstThatCookieAlone() throws Exception {
		MemberPrincipal member = members.create("ownd");
		Cookie device = deviceCookieOf(member);
		String home = anAddress();
		for (int i = 0; i < 5; i++) {
			signIn(member.username(), "wrong password " + i, home, device).andExpect(redirectedUrl("/login"));
		}
		// The cookie is locked out, even with the right password...
		signIn(member.username(), Members.PASSWORD, home, device).andExpect(status().isTooManyRequests())
				.andExpect(unauthenticated());
		// ...but neither the login nor the address is.
		signIn(member.username(), Members.PASSWORD, home).andExpect(authenticated());
		assertThat(lines("signin.lockout")).singleElement().asString().contains("by=\"device\"");
	}

	@Test
	void rotatingForwardedForInARequestTheServerTookDirectlyCountsTheConnectionsAddress() throws Exception {
		// Without a trusted proxy in front, X-Forwarded-For is only a header: MockMvc, like Tomcat for
		// an untrusted peer, leaves the remote address alone (the proxy rules themselves: ForwardedForIT).
		String address = anAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).header("X-Forwarded-For", "203.0.113." + i).with(r -> {
				r.setRemoteAddr(address);
				return r;
			}).param("login", "nobody-" + i).param("password", "wrong password")).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(post("/login").with(csrf()).header("X-Forwarded-For", "203.0.113.99").with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("login", "nobody-else").param("password", "wrong password")).andExpect(status().isTooManyRequests());
	}

	@Test
	void signInsLockoutsAndRefusalsAreLoggedOneLineEach() throws Exception {
		MemberPrincipal member = members.create("logd");
		String address = anAddress();
		signIn(member.username(), Members.PASSWORD, address).andExpect(authenticated());
		assertThat(lines("signin.success")).singleElement().asString()
				.contains("login=\"" + member.username() + "\"", "address=\"" + address + "\"", "method=\"password\"");
		lockForUnknownBrowsers(member.username());
		assertThat(lines("signin.failure")).hasSize(6);
		assertThat(lines("signin.failure").subList(0, 5)).allSatisfy(l -> assertThat(l).contains("reason=\"bad-credentials\""));
		assertThat(lines("signin.failure").get(5)).contains("reason=\"throttled\"");
		assertThat(lines("signin.lockout")).singleElement().asString().contains("by=\"login\"", "login=\"" + member.username());
	}

	@Test
	void aLoginWithLineBreaksAndControlCharactersCannotForgeALine() throws Exception {
		String forged = "mallory\r\nsignin.success login=\"admin\" address=\"127.0.0.1\"\u0085\u2028\u001b[31m";
		signIn(forged, "wrong password", anAddress()).andExpect(redirectedUrl("/login"));
		List<String> failures = lines("signin.failure");
		assertThat(failures).singleElement().satisfies(line -> {
			assertThat(line).doesNotContain("\r", "\n", "\u0085", "\u2028", "\u001b")
					.contains("login=\"mallory\\u000d\\u000asignin.success login=\\\"admin\\\"");
		});
		assertThat(log.list).isNotEmpty()
				.allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\r", "\n", "\u0085", "\u2028"));
	}

	@Test
	void aRefusedRequestIsLogged() throws Exception {
		MemberPrincipal member = members.create("deny");
		mvc.perform(get("/admin/members").with(user(member))).andExpect(status().isForbidden());
		assertThat(lines("access.denied")).singleElement().asString()
				.contains("member=\"" + member.username() + "\"", "path=\"/admin/members\"", "reason=\"forbidden\"");
		mvc.perform(post("/settings").with(user(member))).andExpect(status().isForbidden());
		assertThat(lines("access.denied")).hasSize(2).last().asString().contains("reason=\"csrf\"");
	}

	@Test
	void roleChangesAndSanctionsAreLogged() throws Exception {
		MemberPrincipal admin = members.admin("adm");
		MemberPrincipal member = members.create("sanc");
		mvc.perform(post("/admin/members/" + member.id() + "/role").with(user(admin)).with(csrf()).param("role", "MODERATOR"))
				.andExpect(status().is3xxRedirection());
		assertThat(lines("role.change")).singleElement().asString()
				.contains("admin=\"" + admin.id() + "\"", "member=\"" + member.id() + "\"", "from=\"MEMBER\"", "to=\"MODERATOR\"");
		MemberPrincipal target = members.create("warn");
		mvc.perform(post("/mod/members/" + target.username() + "/sanction").with(user(admin)).with(csrf())
				.param("kind", "SUSPEND").param("days", "3").param("reason", "please\r\nbe kind"))
				.andExpect(status().is3xxRedirection());
		assertThat(lines("sanction")).singleElement().asString()
				.contains("member=\"" + target.id() + "\"", "kind=\"SUSPEND\"", "by=\"" + admin.username() + "\"");
	}
}
