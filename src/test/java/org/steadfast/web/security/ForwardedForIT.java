package org.steadfast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.Members;
import org.steadfast.support.ServerTest;

/**
 * X-Forwarded-* on a real Tomcat: believed from the configured proxy (127.0.0.3 here), ignored from
 * anyone else who reaches the node directly (127.0.0.2), so rotating X-Forwarded-For does not
 * reset the per-address count. Also the 429 page itself, as the forward renders it.
 */
@ServerTest
@TestPropertySource(properties = "steadfast.security.trusted-proxies=127.0.0.3")
class ForwardedForIT {

	private static final String UNTRUSTED = "127.0.0.2";
	private static final String PROXY = "127.0.0.3";

	@LocalServerPort
	int port;

	@Autowired
	Members members;

	private record Answer(int status, String headers, String body) {
		String header(String name) {
			Matcher m = Pattern.compile("(?im)^" + name + ": ([^\\r\\n]*)").matcher(headers);
			return m.find() ? m.group(1) : null;
		}
	}

	private record Form(String cookie, String csrf) {
	}

	private Answer exchange(String from, String method, String path, String cookie, String form, String... headers)
			throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(15_000);
			byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port
					+ "\r\nConnection: close\r\n");
			if (cookie != null) {
				request.append("Cookie: ").append(cookie).append("\r\n");
			}
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
						.append("\r\n");
			}
			socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = response.indexOf("\r\n\r\n");
			String head = response.substring(0, split);
			return new Answer(Integer.parseInt(head.substring(9, 12)), head, response.substring(split + 4));
		}
	}

	private Form loginForm(String from) throws IOException {
		Answer page = exchange(from, "GET", "/login", null, null);
		Matcher session = Pattern.compile("JSESSIONID=([^;\\s]+)").matcher(page.headers());
		assertThat(session.find()).as(page.headers()).isTrue();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		return new Form("JSESSIONID=" + session.group(1), URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
	}

	private Answer attempt(String from, Form form, String login, String password, String... headers) throws IOException {
		return exchange(from, "POST", "/login", form.cookie(), "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + form.csrf(), headers);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void rotatingForwardedForFromAnUntrustedAddressDoesNotResetItsCount() throws Exception {
		Form form = loginForm(UNTRUSTED);
		for (int i = 0; i < 5; i++) {
			Answer failed = attempt(UNTRUSTED, form, "nobody-" + unique(), "wrong password", "X-Forwarded-For: 203.0.113." + i);
			assertThat(failed.status()).isEqualTo(302);
		}
		Answer refused = attempt(UNTRUSTED, form, "nobody-" + unique(), "wrong password", "X-Forwarded-For: 198.51.100.7");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
		// The sign-in page with the message it always showed, the login kept.
		assertThat(refused.body()).contains("Too many attempts", "name=\"password\"", "value=\"nobody-");
	}

	@Test
	void fromTheTrustedProxyTheForwardedAddressIsCounted() throws Exception {
		Form form = loginForm(PROXY);
		// Seven clients behind the proxy, one failure each: none is throttled.
		for (int i = 0; i < 7; i++) {
			Answer failed = attempt(PROXY, form, "nobody-" + unique(), "wrong password", "X-Forwarded-For: 192.0.2." + (10 + i));
			assertThat(failed.status()).as("client " + i).isEqualTo(302);
		}
		// One client behind the proxy, six failures: that client is.
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(PROXY, form, "nobody-" + unique(), "wrong password", "X-Forwarded-For: 192.0.2.99").status())
					.isEqualTo(302);
		}
		assertThat(attempt(PROXY, form, "nobody-" + unique(), "wrong password", "X-Forwarded-For: 192.0.2.99").status())
				.isEqualTo(429);
		// A client's forged first hop does not help it either: the proxy's own entry (the last) is the one believed.
		assertThat(attempt(PROXY, form, "nobody-" + unique(), "wrong password",
				"X-Forwarded-For: 10.9.9.9, 192.0.2.99").status()).isEqualTo(429);
	}

	@Test
	void httpsIsBelievedFromTheTrustedProxyOnly() throws Exception {
		MemberPrincipal member = members.create("tls");
		Answer direct = attempt(UNTRUSTED, loginForm(UNTRUSTED), member.username(), Members.PASSWORD,
				"X-Forwarded-Proto: https");
		assertThat(direct.status()).isEqualTo(302);
		assertThat(direct.header("Set-Cookie")).isNotNull();
		assertThat(deviceCookie(direct)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		Answer proxied = attempt(PROXY, loginForm(PROXY), member.username(), Members.PASSWORD, "X-Forwarded-Proto: https",
				"X-Forwarded-For: 192.0.2.200");
		assertThat(proxied.status()).isEqualTo(302);
		assertThat(deviceCookie(proxied)).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	private static String deviceCookie(Answer answer) {
		Matcher m = Pattern.compile("(?im)^Set-Cookie: (device=[^\\r\\n]*)").matcher(answer.headers());
		assertThat(m.find()).as(answer.headers()).isTrue();
		return m.group(1);
	}
}
