package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.Members;
import org.steadfast.support.ServerTest;

/** Behind the TLS proxy (forwarded headers trusted from it, as the cluster profile does): every cookie is Secure and SameSite=Lax. */
@ServerTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class RememberMeCookieIT {

	@LocalServerPort
	int port;

	@Autowired
	Members members;

	@Test
	void theRememberMeCookieIsSecureHttpOnlyAndLaxBehindTls() throws Exception {
		MemberPrincipal member = members.create("cookie");
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		var page = client.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
		String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
				.orElseThrow();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "login=" + member.username() + "&password=" + URLEncoder.encode(Members.PASSWORD, StandardCharsets.UTF_8)
				+ "&remember-me=true&_csrf=" + csrf.group(1);
		var login = client.send(request("/login").header("Cookie", session.split(";")[0])
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		String rememberMe = cookies.stream().filter(c -> c.startsWith("remember-me=")).findFirst().orElseThrow();
		assertThat(rememberMe).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(session).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax");
		for (String cookie : cookies) {
			assertThat(cookie).contains("; Secure").containsIgnoringCase("SameSite=Lax");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-Proto", "https");
	}
}
