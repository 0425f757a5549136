package org.steadfast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that {@code ./mvnw package} builds holds no benchmark generator (src/bench), which
 * would otherwise run in production contexts; only the bench profile's jar (bench/run) holds it.
 * The build tells which jar this is ({@code steadfast.jar}, {@code steadfast.jar.holds-bench}).
 */
class ProductionJarIT {

	private static final String BENCH = "org/steadfast/bench/";

	@Test
	void onlyTheBenchBuildsJarHoldsTheBenchmarkGenerator() throws IOException {
		String jar = System.getProperty("steadfast.jar");
		assertThat(jar).as("steadfast.jar, set by the build for the integration tests").isNotBlank();
		Path path = Path.of(jar);
		assertThat(path).as("the packaged jar").isRegularFile();
		List<String> bench;
		List<String> application;
		try (JarFile file = new JarFile(path.toFile())) {
			List<String> names = file.stream().map(JarEntry::getName).toList();
			bench = names.stream().filter(n -> n.contains(BENCH)).toList();
			application = names.stream().filter(n -> n.endsWith("org/steadfast/SteadfastApplication.class")).toList();
		}
		assertThat(application).as("the application's own classes are in " + path).isNotEmpty();
		if (Boolean.getBoolean("steadfast.jar.holds-bench")) {
			assertThat(bench).as("the bench profile's jar").anyMatch(n -> n.endsWith(BENCH + "BenchData.class"));
		}
		else {
			assertThat(bench).as("benchmark classes in the production jar " + path).isEmpty();
		}
	}
}
