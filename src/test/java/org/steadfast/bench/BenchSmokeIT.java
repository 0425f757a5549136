package org.steadfast.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.steadfast.demo.SeedRows;
import org.steadfast.support.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * The benchmark's parts at a tiny scale, on a real port: the generator writes a valid community
 * (the known 50-reply topic, the plan with a year of check-ins) that the application serves and
 * accepts replies to; then {@code bench/run --smoke} drives every wrk scenario against it for a
 * second each. No speed is asserted: only that every part works and nothing answers with an error.
 * Last, the login tarpit: a throttled address waits before its answer.
 */
@ServerTest
@TestPropertySource(properties = { "steadfast.web.page-cache.enabled=true",
		"steadfast.security.login-throttle.tarpit=1s", "steadfast.bench.smoke-context=true" })
class BenchSmokeIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SeedRows rows;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void theGeneratorWritesAServableCommunityAndTheLoadScriptRunsEveryScenario() throws Exception {
		String prefix = "bsm" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
		// The generator is no bean of the test's context (that needs steadfast.bench.generate, which
		// would generate at start): the test makes its own.
		BenchData data = new BenchData(jdbc, rows, transactions, passwordEncoder);
		BenchData.Sizes sizes = BenchData.Sizes.scaled(0.001);
		BenchData.Result result = data.generate(sizes, 42, prefix, Instant.now());
		assertThat(result.generated()).isTrue();
		long topic = Long.parseLong(result.knownTopic().split("/")[2]);
		assertThat(jdbc.queryForObject("select count(*) from post where topic_id = ?", Long.class, topic))
				.isEqualTo(BenchData.KNOWN_REPLIES + 1);
		assertThat(jdbc.queryForObject("select reply_count from topic where id = ?", Integer.class, topic))
				.isEqualTo(BenchData.KNOWN_REPLIES);
		long plan = Long.parseLong(result.knownPlan().substring("/plans/".length()));
		assertThat(jdbc.queryForObject("select count(*) from check_in c join plan p on p.id = c.plan_id where p.topic_id = ?",
				Long.class, plan)).isEqualTo(BenchData.YEAR);
		assertThat(jdbc.queryForObject("select count(*) from post p join member m on m.id = p.author_id where m.username like ?",
				Long.class, prefix + "%")).isEqualTo(sizes.posts());
		// Generated again with the same prefix: found and reused, nothing written twice.
		assertThat(data.generate(sizes, 42, prefix, Instant.now()).generated()).isFalse();

		HttpClient guest = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String page = guest.send(HttpRequest.newBuilder(url(result.knownTopic())).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(count(page, "<article class=\"post")).as("the question and 49 of its 50 replies").isEqualTo(50);
		assertThat(guest.send(HttpRequest.newBuilder(url(result.knownPlan())).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

		Path out = Path.of("target", "bench-smoke");
		Files.createDirectories(out);
		Path targets = out.resolve("targets.properties");
		Files.write(targets, List.of("known_topic=" + result.knownTopic(), "known_plan=" + result.knownPlan(),
				"category=" + result.category(), "tag=" + result.tag(),
				"reply_topics=" + String.join(" ", result.replyTopics()),
				"usernames=" + String.join(" ", result.usernames()), "password=" + BenchData.PASSWORD,
				"members=" + result.members(), "topics=" + result.topics(), "posts=" + result.posts(),
				"check_ins=" + result.checkIns(), "reactions=" + result.reactions(), "generated=true",
				"generation_ms=" + result.millis()));
		boolean tools = onPath("wrk") && onPath("curl");
		if (!tools && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("wrk and curl are needed for the load script's smoke run");
		}
		if (tools) {
			Process run = new ProcessBuilder("bash", "bench/run", "--against", "http://127.0.0.1:" + port, "--targets",
					targets.toString(), "--smoke", "--out", out.toString())
					.redirectErrorStream(true).redirectOutput(out.resolve("run.log").toFile()).start();
			assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("bench/run --smoke finished").isTrue();
			String log = Files.readString(out.resolve("run.log"));
			assertThat(run.exitValue()).as(log).isZero();
			String results = Files.readString(out.resolve("smoke.md"));
			assertThat(results).contains("| anonymous 50-reply topic page", "| search mix", "| mixed: reads + 10 % replies",
					"| reads beside the login flood", "| reads alone again, after the flood", "50 posts");
			assertThat(Files.readString(out.resolve("smoke.svg"))).startsWith("<svg");
			// No scenario met an error status: every row's last column is 0.
			// The login flood's own answers are refusals (429) by design, and counted as such.
			for (String row : results.lines().filter(l -> l.startsWith("| ") && l.endsWith(" |")
					&& l.split("\\|").length == 7 && !l.startsWith("| scenario") && !l.startsWith("| the login flood itself")).toList()) {
				String last = row.split("\\|")[6].trim();
				assertThat(last).as(row).isIn("0", "n/a");
			}
			Matcher posted = Pattern.compile("posted=(\\d+)").matcher(results);
			assertThat(posted.find()).as(results).isTrue();
		}
		else {
			Assumptions.abort("wrk or curl missing: the load script's smoke run is skipped");
		}
	}

	/** One HTTP/1.1 exchange from another loopback address than the smoke run's, so their throttles stay apart. */
	private record Answer(int status, String headers, String body) {
	}

	private Answer exchange(String method, String path, String cookie, String form) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress("127.0.0.2", 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(15_000);
			byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
			String request = method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
					+ (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
					+ (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
							+ "\r\n")
					+ "\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = response.indexOf("\r\n\r\n");
			String head = response.substring(0, split);
			return new Answer(Integer.parseInt(head.substring(9, 12)), head, response.substring(split + 4));
		}
	}

	@Test
	void aThrottledAddressWaitsForItsAnswerWhileReadersDoNot() throws Exception {
		String login = "nobody-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		Answer form = exchange("GET", "/login", null, null);
		Matcher session = Pattern.compile("JSESSIONID=([^;\\s]+)").matcher(form.headers());
		assertThat(session.find()).as(form.headers()).isTrue();
		String cookie = "JSESSIONID=" + session.group(1);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String attempt = "login=" + login + "&password=wrong-password-here&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		for (int n = 1; n <= 7; n++) {
			long started = System.nanoTime();
			Answer answer = exchange("POST", "/login", cookie, attempt);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			if (n <= 5) {
				assertThat(answer.status()).isEqualTo(302);
				assertThat(answer.headers()).containsPattern("(?i)location: [^\\r\\n]*/login\\r?$|(?i)location: [^\\r\\n]*/login(\\r|$)");
			}
			else {
				// Refused as 429 with Retry-After, the sign-in page and its message in the answer itself.
				assertThat(answer.status()).isEqualTo(429);
				assertThat(answer.headers()).containsPattern("(?im)^Retry-After: \\d+");
				assertThat(answer.body()).contains("Too many attempts");
			}
			if (n <= 5) {
				assertThat(took).as("attempt " + n + " is answered at once").isLessThan(Duration.ofMillis(900));
			}
			else {
				assertThat(took).as("attempt " + n + " waits").isGreaterThanOrEqualTo(Duration.ofMillis(950));
			}
			if (n <= 5) {
				// The sign-in page then says why (each answer's message is shown once).
				Answer page = exchange("GET", "/login", cookie, null);
				assertThat(page.status()).isEqualTo(200);
				assertThat(page.body()).contains("don&#39;t match");
			}
			// Readers from that same address are not slowed down.
			long read = System.nanoTime();
			assertThat(exchange("GET", "/help", null, null).status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - read)).isLessThan(Duration.ofMillis(900));
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
			n++;
		}
		return n;
	}

	private static boolean onPath(String tool) throws IOException, InterruptedException {
		return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
	}
}
