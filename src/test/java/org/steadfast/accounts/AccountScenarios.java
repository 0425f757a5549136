package org.steadfast.accounts;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Joining, signing in and settings, as a person does them through the pages. Runs on H2
 * ({@link AccountsH2IT}) and on MariaDB ({@link AccountsMariaDbIT}).
 */
abstract class AccountScenarios {

	static final String PASSWORD = "a long enough sentence";

	@Autowired
	MockMvc mvc;

	@Autowired
	MemberRepository members;

	@Autowired
	JdbcTemplate jdbc;

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	MockHttpServletRequestBuilder register(String username, String email, String password, String zone) {
		return post("/register").with(csrf()).with(r -> {
			r.setRemoteAddr("203.0.113." + (int) (Math.random() * 250));
			return r;
		}).param("username", username).param("email", email).param("password", password).param("timeZone", zone);
	}

	MockHttpSession join(String username) throws Exception {
		return join(username, PASSWORD);
	}

	/** Joins through the form (which asks to check the inbox), then signs in. */
	MockHttpSession join(String username, String password) throws Exception {
		mvc.perform(register(username, username + "@example.org", password, "Europe/London"))
				.andExpect(redirectedUrl("/login"))
				.andExpect(flash().attribute("notice", "register.checkInbox"))
				.andExpect(unauthenticated());
		return signIn(username, password);
	}

	MockHttpSession signIn(String login, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf()).with(anyAddress()).param("login", login).param("password", password))
				.andExpect(authenticated())
				.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	void signInFails(String login, String password) throws Exception {
		mvc.perform(post("/login").with(csrf()).with(anyAddress()).param("login", login).param("password", password))
				.andExpect(redirectedUrl("/login")).andExpect(unauthenticated());
	}

	/** Sign-ins from addresses of their own, so that these tests never meet the per-address throttle. */
	static RequestPostProcessor anyAddress() {
		return address("198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
	}

	/** 128 characters of 4 bytes each (512 bytes of UTF-8), and a 73-byte one differing from another only after byte 72. */
	static final String EMOJI_PASSWORD = "\uD83C\uDF31\uD83C\uDF3B\uD83C\uDF08\uD83D\uDCAA".repeat(32);
	static final String LONG_PASSWORD = "a calm sentence ".repeat(4) + "xxxxxxxx" + "A";
	static final String LONG_PASSWORD_OTHER_END = "a calm sentence ".repeat(4) + "xxxxxxxx" + "B";

	@Test
	void passwordsUpTo128CharactersOfFourBytesWorkInFullForJoinSignInAndChange() throws Exception {
		assertThat(EMOJI_PASSWORD.codePointCount(0, EMOJI_PASSWORD.length())).isEqualTo(128);
		assertThat(EMOJI_PASSWORD.getBytes(StandardCharsets.UTF_8)).hasSize(512);
		assertThat(LONG_PASSWORD.getBytes(StandardCharsets.UTF_8)).hasSize(73);
		String name = unique("long");
		MockHttpSession session = join(name, EMOJI_PASSWORD);
		assertThat(members.findByUsername(name).orElseThrow().getPasswordHash()).startsWith("{argon2}");
		signInFails(name, EMOJI_PASSWORD.substring(0, EMOJI_PASSWORD.length() - 2) + "\uD83C\uDF32");

		mvc.perform(post("/settings/password").session(session).with(csrf()).param("currentPassword", EMOJI_PASSWORD)
				.param("newPassword", LONG_PASSWORD))
				.andExpect(redirectedUrl("/settings"));
		signIn(name, LONG_PASSWORD);
		signInFails(name, LONG_PASSWORD_OTHER_END);
		signInFails(name, LONG_PASSWORD.substring(0, 72));
	}

	@Test
	void anOldBcryptHashSignsInAndIsRewrittenAsArgon2() throws Exception {
		String name = unique("old");
		join(name);
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
		jdbc.update("update member set password_hash = ? where username = ?", bcrypt, name);
		signInFails(name, PASSWORD + "x");
		// A password too long for bcrypt is simply wrong, never a 500.
		signInFails(name, LONG_PASSWORD);
		assertThat(jdbc.queryForObject("select password_hash from member where username = ?", String.class, name)).isEqualTo(bcrypt);
		signIn(name, PASSWORD);
		String upgraded = jdbc.queryForObject("select password_hash from member where username = ?", String.class, name);
		assertThat(upgraded).startsWith("{argon2}");
		signIn(name, PASSWORD);
	}

	@Test
	void changingThePasswordSignsOutEveryOtherSessionAndRememberedDeviceButNotThisOne() throws Exception {
		String name = unique("other");
		MockHttpSession here = join(name);
		MockHttpSession elsewhere = signIn(name, PASSWORD);
		Cookie remembered = mvc.perform(post("/login").with(csrf()).param("login", name).param("password", PASSWORD)
				.param("remember-me", "true")).andExpect(authenticated()).andReturn().getResponse().getCookie("remember-me");
		mvc.perform(get("/settings").session(elsewhere)).andExpect(status().isOk());

		mvc.perform(post("/settings/password").session(here).with(csrf()).param("currentPassword", PASSWORD)
				.param("newPassword", "another long sentence"))
				.andExpect(redirectedUrl("/settings"));

		mvc.perform(get("/settings").session(here)).andExpect(status().isOk()).andExpect(authenticated().withUsername(name));
		mvc.perform(get("/settings").session(elsewhere)).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());
		mvc.perform(get("/settings").cookie(remembered)).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());
		assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, name)).isZero();
	}

	@Test
	void joiningWithATakenAddressAnswersAsForANewOneAndMailsTheOwnerInstead() throws Exception {
		String owner = unique("owner");
		join(owner);
		jdbc.update("update member set email_verified = true where username = ?", owner);
		long before = members.count();

		MvcResult fresh = mvc.perform(register(unique("fresh"), unique("new") + "@example.org", PASSWORD, "UTC"))
				.andExpect(status().isFound()).andReturn();
		MvcResult taken = mvc.perform(register(unique("probe"), owner.toUpperCase() + "@Example.org", "some other sentence", "UTC"))
				.andExpect(status().isFound()).andReturn();
		assertThat(taken.getResponse().getRedirectedUrl()).isEqualTo(fresh.getResponse().getRedirectedUrl()).isEqualTo("/login");
		assertThat((Map<String, Object>) taken.getFlashMap()).isEqualTo((Map<String, Object>) fresh.getFlashMap());
		assertThat(taken.getResponse().getHeaderNames()).isEqualTo(fresh.getResponse().getHeaderNames());
		assertThat(taken.getResponse().getContentAsString()).isEqualTo(fresh.getResponse().getContentAsString());
		String page = mvc.perform(get("/login").session((MockHttpSession) taken.getRequest().getSession(false)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("Please check your inbox").doesNotContain("already exists");
		assertThat(members.count()).isEqualTo(before + 1);

		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where to_address = ? and kind = 'JOIN_ATTEMPT'",
				Integer.class, owner + "@example.org")).isEqualTo(1);
		String mail = jdbc.queryForObject("select text_body from mail_outbox where to_address = ? and kind = 'JOIN_ATTEMPT'",
				String.class, owner + "@example.org");
		assertThat(mail).contains("Someone tried to create a new account with this address", "https://steadfast.example/login",
				"https://steadfast.example/password/forgot");
		assertThat(jdbc.queryForObject("select html_body from mail_outbox where to_address = ? and kind = 'JOIN_ATTEMPT'",
				String.class, owner + "@example.org")).contains("href=\"https://steadfast.example/password/forgot\"");
	}

	@Test
	void newMemberSignsInRightAfterJoining() throws Exception {
		String name = unique("hope");
		MockHttpSession session = join(name);
		mvc.perform(get("/settings").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("value=\"Europe/London\" selected")));
		Member member = members.findByUsername(name).orElseThrow();
		assertThat(member.getRole()).isEqualTo(Role.MEMBER);
		assertThat(member.getPasswordHash()).startsWith("{argon2}").doesNotContain(PASSWORD);
	}

	@Test
	void invalidJoinFormComesBackWithMessagesAndTheTextKeptButNotThePassword() throws Exception {
		String body = mvc.perform(register("x", "not-an-email", "secret", "Mars/Base"))
				.andExpect(status().isOk())
				.andExpect(unauthenticated())
				.andReturn().getResponse().getContentAsString();
		body = HtmlUtils.htmlUnescape(body);
		assertThat(body).contains("A username has 3 to 20 characters.", "doesn't look like an email address",
				"Use at least 12 characters.", "Please choose a time zone from the list.")
				.contains("value=\"not-an-email\"")
				.doesNotContain("value=\"secret\"");
	}

	@Test
	void usernamesAndEmailsAreUniqueIgnoringCase() throws Exception {
		String name = unique("Case");
		join(name);
		long before = members.count();
		mvc.perform(register(name.toUpperCase(), unique("other") + "@example.org", PASSWORD, "UTC"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("That username is taken.")));
		mvc.perform(register(unique("fresh"), name.toUpperCase() + "@EXAMPLE.org", PASSWORD, "UTC"))
				.andExpect(redirectedUrl("/login"));
		assertThat(members.count()).isEqualTo(before);
	}

	@Test
	void emojiControlCharactersAndOverlongInputAreRefusedWithoutHalfCreatedAccounts() throws Exception {
		long before = members.count();
		mvc.perform(register("heart💔break", "e@example.org", PASSWORD, "UTC")).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("Use only letters A-Z")));
		mvc.perform(register("nul\u0000name", "n@example.org", PASSWORD, "UTC")).andExpect(status().isOk());
		mvc.perform(register("ok_name", "a\u0000b@example.org", PASSWORD, "UTC")).andExpect(status().isOk());
		mvc.perform(register(unique("u"), "x".repeat(300) + "@example.org", PASSWORD, "UTC")).andExpect(status().isOk());
		mvc.perform(register(unique("u"), unique("e") + "@example.org", "x".repeat(5000), "UTC")).andExpect(status().isOk());
		mvc.perform(post("/register").with(csrf())).andExpect(status().isOk());
		assertThat(members.count()).isEqualTo(before);
	}

	@Test
	void displayNamesKeepEmojiButRefuseDirectionOverrides() throws Exception {
		String name = unique("emoji");
		MockHttpSession session = join(name);
		mvc.perform(post("/settings").session(session).with(csrf()).param("displayName", "Still here 💪🏽")
				.param("timeZone", "Asia/Tokyo"))
				.andExpect(redirectedUrl("/settings"));
		Member member = members.findByUsername(name).orElseThrow();
		assertThat(member.getDisplayName()).isEqualTo("Still here 💪🏽");
		assertThat(member.getZone().getId()).isEqualTo("Asia/Tokyo");
		// The session's principal follows the change, so the header shows the new name at once.
		mvc.perform(get("/").session(session))
				.andExpect(content().string(Matchers.containsString("Still here 💪🏽")));

		mvc.perform(post("/settings").session(session).with(csrf()).param("displayName", "evil\u202Egnp.exe")
				.param("timeZone", "Asia/Tokyo"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("invisible or control characters")));
		assertThat(members.findByUsername(name).orElseThrow().getDisplayName()).isEqualTo("Still here 💪🏽");
	}

	@Test
	void signInWorksWithUsernameOrEmailAndSignOutIsAPost() throws Exception {
		String name = unique("both");
		join(name);
		mvc.perform(post("/login").with(csrf()).param("login", name.toUpperCase()).param("password", PASSWORD))
				.andExpect(authenticated().withUsername(name));
		mvc.perform(post("/login").with(csrf()).param("login", name + "@example.org").param("password", PASSWORD))
				.andExpect(authenticated().withUsername(name));
		// A GET is no way to sign out, and no page answers it: "Page not found", never a sign-out.
		mvc.perform(get("/logout")).andExpect(status().isNotFound());
		mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/?signedOut"));
	}

	@Test
	void wrongPasswordAndUnknownAccountGetTheSameMessageAndTheLoginIsKept() throws Exception {
		String name = unique("same");
		join(name);
		String known = failedLoginPage(name, "not the password at all", "198.51.100.7");
		String unknown = failedLoginPage("nobody-" + name, "not the password at all", "198.51.100.8");
		assertThat(known).contains("don't match").contains("value=\"" + name + "\"")
				.doesNotContain("not the password at all");
		assertThat(unknown.replace("nobody-" + name, name)).isEqualTo(known.replaceAll("_csrf\" value=\"[^\"]+\"", ""));
	}

	@Test
	void fiveFailuresMakeTheAccountWaitEvenWithTheRightPassword() throws Exception {
		String name = unique("throttle");
		join(name);
		for (int i = 0; i < 5; i++) {
			assertThat(failedLoginPage(name, "wrong password " + i, "192.0.2." + i)).contains("don't match");
		}
		// Refused at once as 429, showing the sign-in page with its message (the page itself: ForwardedForIT).
		mvc.perform(post("/login").with(csrf()).with(address("192.0.2.77")).param("login", name).param("password", PASSWORD))
				.andExpect(status().isTooManyRequests()).andExpect(unauthenticated())
				.andExpect(MockMvcResultMatchers.header().exists("Retry-After"))
				.andExpect(MockMvcResultMatchers.forwardedUrl("/login"));
		assertThat(failedLoginPage("nobody-" + name, PASSWORD, "192.0.2.78")).contains("don't match");
	}

	@Test
	void rememberMeSignsInAFreshSession() throws Exception {
		String name = unique("remember");
		join(name);
		MvcResult login = mvc.perform(post("/login").with(csrf()).param("login", name).param("password", PASSWORD)
				.param("remember-me", "true"))
				.andExpect(authenticated()).andReturn();
		Cookie cookie = login.getResponse().getCookie("remember-me");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, name))
				.isEqualTo(1);
		mvc.perform(get("/settings").cookie(cookie)).andExpect(status().isOk()).andExpect(authenticated().withUsername(name));
	}

	@Test
	void changingThePasswordNeedsTheCurrentOne() throws Exception {
		String name = unique("pw");
		MockHttpSession session = join(name);
		mvc.perform(post("/settings/password").session(session).with(csrf()).param("currentPassword", "wrong guess here")
				.param("newPassword", "another long sentence"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("That isn&#39;t your current password.")));
		mvc.perform(post("/settings/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
				.param("newPassword", "password12345"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("too easy to guess")));
		mvc.perform(post("/settings/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
				.param("newPassword", "another long sentence"))
				.andExpect(redirectedUrl("/settings"));
		mvc.perform(post("/login").with(csrf()).param("login", name).param("password", "another long sentence"))
				.andExpect(authenticated());
	}

	@Test
	void profilesArePublicAndNeverShowTheEmail() throws Exception {
		String name = unique("profile");
		join(name);
		mvc.perform(get("/u/" + name)).andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("@" + name)))
				.andExpect(content().string(Matchers.not(Matchers.containsString("example.org"))));
		mvc.perform(get("/u/no-such-member-" + name)).andExpect(status().isNotFound());
	}

	@Test
	void twoPeopleRacingForOneNameGetOneAccount() throws Exception {
		String name = unique("race");
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				int n = i;
				attempts.add(() -> mvc.perform(register(n % 2 == 0 ? name : name.toUpperCase(), name + n + "@example.org",
						PASSWORD, "UTC")).andReturn().getResponse().getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (var f : pool.invokeAll(attempts)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(302, 200);
			// Joining no longer signs in, so the loser's form says the name is taken.
			assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.queryForObject("select count(*) from member where username_key = ?", Integer.class,
				name.toLowerCase())).isEqualTo(1);
	}

	/** Signs in and fails, then follows the redirect in the same session: the page the person sees. */
	String failedLoginPage(String login, String password, String ip) throws Exception {
		MvcResult failed = mvc.perform(post("/login").with(csrf()).with(address(ip)).param("login", login)
				.param("password", password))
				.andExpect(redirectedUrl("/login")).andExpect(unauthenticated()).andReturn();
		MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);
		String page = mvc.perform(get("/login").session(session)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		return HtmlUtils.htmlUnescape(page.replaceAll("_csrf\" value=\"[^\"]+\"", ""));
	}

	static RequestPostProcessor address(String ip) {
		return r -> {
			r.setRemoteAddr(ip);
			return r;
		};
	}
}
