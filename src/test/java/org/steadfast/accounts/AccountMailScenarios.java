package org.steadfast.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Mail about the account: confirming the address, resetting a password, changing the address.
 * Runs on H2 ({@link AccountMailH2IT}) and MariaDB ({@link AccountMailMariaDbIT}).
 */
abstract class AccountMailScenarios {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

	static final String NEW_PASSWORD = "a brand new calm sentence";

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	String lastMail(String address, String kind) {
		return jdbc.queryForObject("select text_body from mail_outbox where to_address = ? and kind = ? order by id desc limit 1",
				String.class, address, kind);
	}

	int mails(String address, String kind) {
		return jdbc.queryForObject("select count(*) from mail_outbox where to_address = ? and kind = ?", Integer.class,
				address, kind);
	}

	static String token(String mail) {
		Matcher m = TOKEN.matcher(mail);
		assertThat(m.find()).as("a token in " + mail).isTrue();
		return m.group(1);
	}

	MemberPrincipal verified(String prefix) {
		MemberPrincipal member = members.create(prefix);
		jdbc.update("update member set email_verified = true where id = ?", member.id());
		return member;
	}

	static String email(MemberPrincipal member) {
		return member.username() + "@example.org";
	}

	@Test
	void joiningMailsAConfirmationLinkThatAPostConfirmsOnce() throws Exception {
		MemberPrincipal member = members.create("joiner");
		String mail = lastMail(email(member), "VERIFY");
		assertThat(mail).contains("https://steadfast.example/verify?token=");
		String token = token(mail);

		assertThat(html(mvc.perform(get("/verify").param("token", token)).andExpect(status().isOk())))
				.contains("Confirm my address");
		assertThat(jdbc.queryForObject("select email_verified from member where id = ?", Boolean.class, member.id())).isFalse();
		assertThat(html(mvc.perform(post("/verify").param("token", token).with(csrf())).andExpect(status().isOk())))
				.contains("Your address is confirmed");
		assertThat(jdbc.queryForObject("select email_verified from member where id = ?", Boolean.class, member.id())).isTrue();
		assertThat(html(mvc.perform(post("/verify").param("token", token).with(csrf())).andExpect(status().isGone())))
				.contains("This link was already used");
	}

	@Test
	void aResetLinkIsBuiltFromTheConfiguredAddressWhateverTheHostHeaderSays() throws Exception {
		MemberPrincipal member = verified("resetter");
		String answer = html(mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf())
				.header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
				.with(request -> {
					request.setServerName("evil.example");
					return request;
				})).andExpect(status().isOk()));
		String mail = lastMail(email(member), "RESET");
		assertThat(mail).contains("https://steadfast.example/password/reset?token=").doesNotContain("evil");

		String unknown = html(mvc.perform(post("/password/forgot").param("email", "nobody-" + member.username() + "@example.org")
				.with(csrf())).andExpect(status().isOk()));
		assertThat(unknown).isEqualTo(answer);
		assertThat(answer).contains("If an account uses that confirmed address");
	}

	@Test
	void aResetTokenShowsAFormOnGetAndIsUsedUpByThePost() throws Exception {
		MemberPrincipal member = verified("reset");
		mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf()));
		String token = token(lastMail(email(member), "RESET"));
		assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = ?", Integer.class,
				AccountTokens.hash(token))).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = ?", Integer.class, token)).isZero();

		for (int i = 0; i < 2; i++) {
			assertThat(html(mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk())))
					.contains("Save the new password");
		}
		String weak = html(mvc.perform(post("/password/reset").param("token", token).param("password", "short").with(csrf()))
				.andExpect(status().isOk()));
		assertThat(weak).contains("Save the new password");
		mvc.perform(post("/password/reset").param("token", token).param("password", NEW_PASSWORD).with(csrf()))
				.andExpect(redirectedUrl("/login"));
		String hash = jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id());
		assertThat(passwordEncoder.matches(NEW_PASSWORD, hash)).isTrue();

		String reused = html(mvc.perform(post("/password/reset").param("token", token).param("password", "another calm sentence here")
				.with(csrf())).andExpect(status().isGone()));
		assertThat(reused).contains("This link was already used");
		assertThat(passwordEncoder.matches(NEW_PASSWORD,
				jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id()))).isTrue();
	}

	@Test
	void aResetTakesA128CharacterEmojiPasswordAndSignsOutEverySessionAndRememberedDevice() throws Exception {
		MemberPrincipal member = verified("resetall");
		var session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
				.param("login", member.username()).param("password", Members.PASSWORD))
				.andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
		var remembered = mvc.perform(post("/login").with(csrf()).param("login", member.username())
				.param("password", Members.PASSWORD).param("remember-me", "true")).andReturn().getResponse().getCookie("remember-me");
		mvc.perform(get("/settings").session(session)).andExpect(status().isOk());

		mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf()));
		String token = token(lastMail(email(member), "RESET"));
		String emoji = "\uD83C\uDF31\uD83C\uDF3B\uD83C\uDF08\uD83D\uDCAA".repeat(32);
		mvc.perform(post("/password/reset").param("token", token).param("password", emoji).with(csrf()))
				.andExpect(redirectedUrl("/login"));

		mvc.perform(get("/settings").session(session)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/settings").cookie(remembered)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/login").with(csrf()).with(AccountScenarios.anyAddress()).param("login", member.username()).param("password", emoji))
				.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").with(csrf()).with(AccountScenarios.anyAddress()).param("login", member.username())
				.param("password", emoji.substring(0, emoji.length() - 2) + "\uD83C\uDF32")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aResetTakesA73BytePasswordWithoutARawMessage() throws Exception {
		MemberPrincipal member = verified("reset73");
		mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf()));
		String token = token(lastMail(email(member), "RESET"));
		String password = "a calm sentence ".repeat(4) + "xxxxxxxxA";
		mvc.perform(post("/password/reset").param("token", token).param("password", password).with(csrf()))
				.andExpect(redirectedUrl("/login"));
		assertThat(passwordEncoder.matches(password,
				jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id()))).isTrue();
		assertThat(passwordEncoder.matches(password.substring(0, 72) + "B",
				jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id()))).isFalse();
	}

	@Test
	void expiredAndForgedResetTokensFailWithAClearPage() throws Exception {
		MemberPrincipal member = verified("expired");
		mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf()));
		String token = token(lastMail(email(member), "RESET"));
		jdbc.update("update account_token set expires_at = '2020-01-01 00:00:00' where token_hash = ?", AccountTokens.hash(token));
		assertThat(html(mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isGone())))
				.contains("This link has expired");
		assertThat(html(mvc.perform(post("/password/reset").param("token", token).param("password", NEW_PASSWORD).with(csrf()))
				.andExpect(status().isGone()))).contains("This link has expired");

		String forged = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
		assertThat(html(mvc.perform(post("/password/reset").param("token", forged).param("password", NEW_PASSWORD).with(csrf()))
				.andExpect(status().isNotFound()))).contains("This link doesn't work");
		assertThat(html(mvc.perform(get("/password/reset").param("token", "<script>")).andExpect(status().isNotFound())))
				.contains("This link doesn't work");
		assertThat(passwordEncoder.matches(Members.PASSWORD,
				jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id()))).isTrue();
	}

	@Test
	void anUnconfirmedAddressGetsNoResetMail() throws Exception {
		MemberPrincipal member = members.create("unconfirmed");
		mvc.perform(post("/password/forgot").param("email", email(member)).with(csrf())).andExpect(status().isOk());
		assertThat(mails(email(member), "RESET")).isZero();
		assertThat(mails(email(member), "VERIFY")).isEqualTo(1);
	}

	@Test
	void aNewAddressIsUsedOnlyOnceItsLinkIsConfirmed() throws Exception {
		MemberPrincipal member = verified("mover");
		String newAddress = "new-" + member.username() + "@example.net";
		mvc.perform(post("/settings/email").with(user(member)).with(csrf()).param("email", newAddress)
				.param("currentPassword", "wrong password")).andExpect(redirectedUrl("/settings#email"));
		assertThat(mails(newAddress, "EMAIL_CHANGE")).isZero();

		mvc.perform(post("/settings/email").with(user(member)).with(csrf()).param("email", newAddress)
				.param("currentPassword", Members.PASSWORD)).andExpect(redirectedUrl("/settings"));
		String token = token(lastMail(newAddress, "EMAIL_CHANGE"));
		assertThat(jdbc.queryForObject("select email from member where id = ?", String.class, member.id())).isEqualTo(email(member));
		mvc.perform(get("/email/confirm").param("token", token)).andExpect(status().isOk());
		assertThat(html(mvc.perform(post("/email/confirm").param("token", token).with(csrf())).andExpect(status().isOk())))
				.contains("Your new address is confirmed");
		assertThat(jdbc.queryForObject("select email from member where id = ?", String.class, member.id())).isEqualTo(newAddress);

		// Asking for an address another account uses gets the same answer and sends nothing.
		MemberPrincipal other = verified("other");
		mvc.perform(post("/settings/email").with(user(other)).with(csrf()).param("email", newAddress)
				.param("currentPassword", Members.PASSWORD)).andExpect(redirectedUrl("/settings"));
		assertThat(mails(newAddress, "EMAIL_CHANGE")).isEqualTo(1);
	}
}
