package org.steadfast.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steadfast.cluster.TcpProxy;
import org.steadfast.support.MariaDb;

/**
 * The application on a real port and the {@code mysql} profile, reaching MariaDB through a TCP proxy
 * that the test pauses (the database hangs: connections stay open, nothing answers) or cuts (the
 * database is down: connections refused). Whatever the outage, every page that needs the database
 * answers the calm 503 with {@code Retry-After} within seconds, never a 500 and never a hang; once the
 * database is back, pages answer again without a restart.
 */
@ExtendWith(MariaDb.Available.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "mysql" })
class DatabaseFaultsMariaDbIT {

	/** What a member may wait for the 503 page, with some room for a busy test machine. */
	private static final Duration PROMPT = Duration.ofSeconds(3);

	private static final List<String> PAGES = List.of("/latest", "/unanswered", "/tags", "/");

	private static TcpProxy proxy;
	private static String database;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
		database = MariaDb.createDatabase("faults");
		proxy = new TcpProxy(Integer.parseInt(MariaDb.port()));
		String url = MariaDb.jdbcUrl(database).replace(":" + MariaDb.port() + "/", ":" + proxy.port() + "/");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", MariaDb::user);
		registry.add("spring.datasource.password", MariaDb::password);
	}

	@AfterAll
	static void dropDatabase() {
		if (proxy != null) {
			proxy.close();
		}
		if (database != null) {
			MariaDb.dropDatabase(database);
		}
	}

	@Test
	void aHungDatabaseIsACalm503WithinSecondsAndTheSiteRecoversByItself() throws Exception {
		// Every pooled connection busy a moment ago: the first requests find them open, and their
		// statements are what must not hang.
		assertThat(statuses(burst())).containsOnly(200);
		proxy.pause();
		try {
			for (int round = 0; round < 3; round++) {
				assertAllCalm503s(burst());
			}
		}
		finally {
			proxy.resume();
		}
		awaitPagesAgain();
	}

	@Test
	void aDatabaseThatRefusesConnectionsIsA503EveryTimeQuicklyAndTheSiteRecoversByItself() throws Exception {
		assertThat(statuses(burst())).containsOnly(200);
		proxy.cut();
		try {
			for (int round = 0; round < 3; round++) {
				assertAllCalm503s(burst());
			}
		}
		finally {
			proxy.restore();
		}
		awaitPagesAgain();
	}

	private record Answer(String page, int status, String retryAfter, String body, Duration took) {
	}

	/** Ten requests at once, over the site's pages; each is given far longer than a member would wait. */
	private List<Answer> burst() throws Exception {
		int parallel = 10;
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				String page = PAGES.get(i % PAGES.size());
				answers.add(pool.submit(() -> {
					start.await();
					return get(page);
				}));
			}
			start.countDown();
			List<Answer> result = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				result.add(answer.get());
			}
			return result;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Answer get(String page) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
				.timeout(Duration.ofSeconds(40)).build();
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		return new Answer(page, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
				response.body(), took);
	}

	private static void assertAllCalm503s(List<Answer> answers) {
		for (Answer answer : answers) {
			assertThat(answer.status()).as("%s answered after %s ms", answer.page(), answer.took().toMillis()).isEqualTo(503);
			assertThat(answer.retryAfter()).as(answer.page()).isEqualTo("30");
			assertThat(answer.body()).contains("right back").doesNotContain("Exception");
			assertThat(answer.took()).as("%s took", answer.page()).isLessThan(PROMPT);
		}
	}

	private static List<Integer> statuses(List<Answer> answers) {
		return answers.stream().map(Answer::status).toList();
	}

	/** No restart: the pool finds the database again by itself. */
	private void awaitPagesAgain() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (get("/latest").status() != 200) {
			assertThat(System.nanoTime()).as("pages answer again within 20 s").isLessThan(deadline);
			Thread.sleep(200);
		}
		assertThat(statuses(burst())).containsOnly(200);
	}
}
