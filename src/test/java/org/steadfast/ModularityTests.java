package org.steadfast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

class ModularityTests {

	private static final Path MODULE_MAP = Path.of("docs", "modules");

	private final ApplicationModules modules = ApplicationModules.of(SteadfastApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	// The module map in docs/modules is generated from the code, so it cannot drift from it: a change
	// of modules or of their dependencies shows as a diff of those files, to be committed with it.
	@Test
	void writesTheModuleMap() throws IOException {
		new Documenter(modules, Options.defaults().withOutputFolder(MODULE_MAP.toString()))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml();
		try (Stream<Path> diagrams = Files.list(MODULE_MAP)) {
			for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
				Files.writeString(diagram, withSortedRelations(Files.readString(diagram, StandardCharsets.UTF_8)),
						StandardCharsets.UTF_8);
			}
		}
	}

	// The exporter writes relations in hash order, which changes from one JVM to the next; sorted,
	// the same modules give the same files, so the committed map only changes when the modules do.
	private static String withSortedRelations(String diagram) {
		List<String> lines = new ArrayList<>(List.of(diagram.split("\n", -1)));
		int start = 0;
		while (start < lines.size()) {
			int end = start;
			while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
				end++;
			}
			if (end > start) {
				lines.subList(start, end).sort(null);
			}
			start = end + 1;
		}
		return String.join("\n", lines);
	}
}
