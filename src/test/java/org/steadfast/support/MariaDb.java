package org.steadfast.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A throw-away database on the local MariaDB server, one per test JVM. */
public final class MariaDb {

	static final String HOST = System.getenv().getOrDefault("STEADFAST_TEST_MARIADB_HOST", "127.0.0.1");
	static final String PORT = System.getenv().getOrDefault("STEADFAST_TEST_MARIADB_PORT", "3306");
	static final String USER = System.getenv().getOrDefault("STEADFAST_TEST_MARIADB_USER", "root");
	static final String PASSWORD = System.getenv().getOrDefault("STEADFAST_TEST_MARIADB_PASSWORD", "");
	private static final String PREFIX = "steadfast_it_";

	private static String database;

	private MariaDb() {
	}

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	static String serverUrl() {
		return "jdbc:mysql://" + HOST + ":" + PORT + "/?connectTimeout=2000&allowPublicKeyRetrieval=true&useSSL=false";
	}

	static boolean reachable() {
		try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD)) {
			return c.isValid(2);
		}
		catch (SQLException e) {
			return false;
		}
	}

	/** Creates the run's database on first use and schedules its removal when the JVM exits. */
	public static synchronized String database() {
		if (database != null) {
			return database;
		}
		String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ProcessHandle.current().pid();
		try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); var s = c.createStatement()) {
			dropStale(c);
			s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException e) {
			throw new IllegalStateException("MariaDB at " + HOST + ":" + PORT + " is required for this test ("
					+ (required() ? "CI=true" : "reachable a moment ago") + ") but failed: " + e.getMessage(), e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		database = name;
		return name;
	}

	/** Another throw-away database on the same server, for tests that start app nodes of their own. */
	public static String createDatabase(String purpose) {
		String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ProcessHandle.current().pid() + "_" + purpose;
		try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); var s = c.createStatement()) {
			s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException e) {
			throw new IllegalStateException("MariaDB at " + HOST + ":" + PORT + " is required for this test but failed: "
					+ e.getMessage(), e);
		}
		return name;
	}

	public static void dropDatabase(String name) {
		drop(name);
	}

	public static String jdbcUrl(String database) {
		return "jdbc:mysql://" + HOST + ":" + PORT + "/" + database
				+ "?allowPublicKeyRetrieval=true&useSSL=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
	}

	public static String serverUrlForTests() {
		return serverUrl();
	}

	public static String port() {
		return PORT;
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	public static String jdbcUrl() {
		return "jdbc:mysql://" + HOST + ":" + PORT + "/" + database()
				+ "?allowPublicKeyRetrieval=true&useSSL=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
	}

	/** Databases left behind by a test JVM that was killed more than a day ago. */
	private static void dropStale(Connection c) throws SQLException {
		List<String> stale = new ArrayList<>();
		String cutoff = LocalDateTime.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
		try (var s = c.createStatement(); var rs = s.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "%'")) {
			while (rs.next()) {
				String db = rs.getString(1);
				String stamp = db.substring(PREFIX.length()).split("_")[0];
				if (stamp.compareTo(cutoff) < 0) {
					stale.add(db);
				}
			}
		}
		for (String db : stale) {
			try (var s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS `" + db + "`");
			}
		}
	}

	private static void drop(String name) {
		try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); var s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + name + "`");
		}
		catch (SQLException e) {
			System.err.println("Could not drop test database " + name + ": " + e.getMessage());
		}
	}

	/** Skips (with a notice) when no server answers, unless CI=true makes the server mandatory. */
	public static class Available implements ExecutionCondition {

		private static Boolean reachable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (required()) {
				return ConditionEvaluationResult.enabled("CI=true: MariaDB tests are mandatory");
			}
			synchronized (Available.class) {
				if (reachable == null) {
					reachable = reachable();
					if (!reachable) {
						System.out.println("NOTICE: MariaDB is not answering at " + HOST + ":" + PORT
								+ "; skipping MariaDB integration tests (they are mandatory with CI=true).");
					}
				}
			}
			return reachable ? ConditionEvaluationResult.enabled("MariaDB is reachable")
					: ConditionEvaluationResult.disabled("MariaDB not reachable at " + HOST + ":" + PORT);
		}
	}

	/** Points the {@code mysql} profile's datasource at the run's database. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> props = Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", USER,
					"spring.datasource.password", PASSWORD);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mariadb-test", props));
		}
	}
}
