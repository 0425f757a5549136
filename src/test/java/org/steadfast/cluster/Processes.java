package org.steadfast.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Small helpers for tests that start real processes: free ports, a Java 21+, waiting. */
final class Processes {

	private Processes() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A JDK of version 21 or later: STEADFAST_JAVA21_HOME, or one under /usr/lib/jvm. */
	static Optional<Path> java21() {
		String configured = System.getenv("STEADFAST_JAVA21_HOME");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured, "bin", "java"));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter(home -> majorVersion(home) >= 21)
					.sorted((a, b) -> Integer.compare(majorVersion(b), majorVersion(a)))
					.map(home -> home.resolve("bin").resolve("java"))
					.filter(Files::isExecutable)
					.findFirst();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private static int majorVersion(Path home) {
		Path release = home.resolve("release");
		try {
			for (String line : Files.readAllLines(release)) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					return Integer.parseInt(version.split("[.+-]")[0]);
				}
			}
		}
		catch (IOException | NumberFormatException e) {
			return 0;
		}
		return 0;
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			sleep(200);
		}
		throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
	}

	static boolean answers(String url) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
