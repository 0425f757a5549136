package org.steadfast.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Steadfast node: the packaged jar (as operators run it) in its own JVM with the
 * {@code mysql,cluster} profiles, configured by environment variables only, as the README says.
 */
final class AppNode implements AutoCloseable {

	final String name;
	final int port;
	final int managementPort;
	private final Process process;
	final Path log;

	private AppNode(String name, int port, int managementPort, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.process = process;
		this.log = log;
	}

	static AppNode start(String name, Path workDir, Map<String, String> environment, List<String> extraArguments)
			throws IOException {
		int port = Processes.freePort();
		int managementPort = Processes.freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
				jar().toString(), "--spring.profiles.active=mysql,cluster"));
		command.addAll(extraArguments);
		Path log = workDir.resolve("node-" + name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.directory(workDir.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("STEADFAST_MANAGEMENT_PORT", String.valueOf(managementPort));
		builder.environment().put("STEADFAST_NODE_NAME", name);
		AppNode node = new AppNode(name, port, managementPort, builder.start(), log);
		try {
			Processes.await("node " + name + " to be ready", Duration.ofSeconds(120),
					() -> !node.process.isAlive() || Processes.answers(node.managementUrl() + "/actuator/health/readiness"));
			if (!node.process.isAlive()) {
				throw new IllegalStateException("Node " + name + " stopped at start; see " + log);
			}
		}
		catch (RuntimeException | Error e) {
			node.close();
			throw e;
		}
		return node;
	}

	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("steadfast-.*\\.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"))
					.toAbsolutePath();
		}
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	String managementUrl() {
		return "http://127.0.0.1:" + managementPort;
	}

	boolean alive() {
		return process.isAlive();
	}

	/** As a crash or a power cut would: SIGKILL, no shutdown hooks, nothing flushed. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
