package org.steadfast.web;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;


/** Error pages through the real servlet container: in the layout, kind, and never a stack trace. */
@ServerTest
class ErrorPagesIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
	}

	@Test
	void missingPageIsA404InTheLayout() throws Exception {
		var response = send(request("/u/nobody-by-this-name"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "Need help now?", "Skip to content")
				.doesNotContain("Whitelabel", "Exception", "at org.");
	}

	@Test
	void anAddressNoPageAnswersIsNotFoundForAGuestNotASignInPrompt() throws Exception {
		for (String path : new String[] { "/no-such-page", "/settings/no-such-setting", "/partners/nothing/here" }) {
			var response = send(request(path));
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("Page not found").doesNotContain("Whitelabel", "Exception");
		}
		// A real page for members still asks a guest to sign in.
		var settings = send(request("/settings"));
		assertThat(settings.statusCode()).isEqualTo(302);
		assertThat(settings.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
	}

	@Test
	void wrongMethodIsA405InTheLayout() throws Exception {
		var response = send(request("/help").DELETE());
		assertThat(response.statusCode()).isIn(403, 405);
		var put = send(request("/help").method("PATCH", HttpRequest.BodyPublishers.noBody()));
		assertThat(put.body()).doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void malformedRequestIsA400InTheLayout() throws Exception {
		var response = send(request("/help;param=1"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Whitelabel", "Exception", "at org.");
	}

	@Test
	void urlTooBrokenToReachTheApplicationGetsABareAnswerWithoutServerDetails() throws Exception {
		try (var socket = new Socket("localhost", port)) {
			socket.getOutputStream().write("GET /u/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("Tomcat", "Exception", "at org.");
		}
	}

	@Test
	void forbiddenIsA403InTheLayout() throws Exception {
		var response = send(request("/register").POST(HttpRequest.BodyPublishers.ofString("username=x"))
				.header("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You can&#39;t do that here", "Need help now?");
	}
}
