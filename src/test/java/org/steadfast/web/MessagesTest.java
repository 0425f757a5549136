package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every literal message key a template or controller uses exists in messages.properties. */
class MessagesTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[(}]");
	private static final Pattern JAVA_KEY = Pattern.compile(
			"(?:rejectValue\\(\"[A-Za-z.]+\", |reject\\(|addFlashAttribute\\(\"notice\", |Optional\\.of\\()\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9.]+)\"");

	@Test
	void everyKeyUsedExistsInTheBundle() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(in);
		}
		Set<String> missing = new TreeSet<>();
		scan(Path.of("templates"), ".html", TEMPLATE_KEY, messages, missing);
		scan(Path.of("src/main/java"), ".java", JAVA_KEY, messages, missing);
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	@Test
	void theScanFindsKeysAtAll() throws IOException {
		Set<String> seen = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("templates"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
				while (m.find()) {
					seen.add(m.group(1));
				}
			}
		}
		assertThat(seen).contains("site.name", "footer.needHelp", "login.title");
	}

	private static void scan(Path root, String suffix, Pattern pattern, Properties messages, Set<String> missing)
			throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					if (!messages.containsKey(m.group(1))) {
						missing.add(m.group(1) + " (" + file + ")");
					}
				}
			}
		}
	}
}
