package org.steadfast.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steadfast.forum.Viewer;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;

/**
 * The search mix of the benchmark ({@code bench/lua/search.lua}), run against {@link ForumSearch}
 * itself on a benchmark database and a copy of its index: each query's latency without HTTP,
 * rendering or the load generator, and what each query found (totals, the page's topics and
 * facet counts), so that two versions can be compared for speed and for identical results.
 * Besides the elapsed time it reports the CPU time of the searching thread, which other work on
 * a shared machine disturbs far less (the database's share of a search is not in it).
 * A measurement, not a check: it runs only with {@code -Dsteadfast.measure=true}, in the bench
 * profile's build ({@code -Pbench}); see bench/README.md for the command. Nothing is written to the database or the index.
 */
@SpringBootTest(properties = { "steadfast.demo-data=false", "steadfast.jobs.enabled=false",
		"steadfast.partners.jobs-enabled=false", "steadfast.web.page-cache.enabled=false",
		"spring.jpa.properties.hibernate.search.schema_management.strategy=none" })
@ActiveProfiles("mysql")
@EnabledIfSystemProperty(named = "steadfast.measure", matches = "true",
		disabledReason = "a measurement on a benchmark data set: run with -Dsteadfast.measure=true (bench/README.md)")
class SearchTimingIT {

	/** The benchmark's search mix, in its order. */
	static final List<SearchRequest> MIX = List.of(SearchRequest.of("birthday"), SearchRequest.of("mutual friends"),
			SearchRequest.of("social media"), SearchRequest.of("relapse"), SearchRequest.of("moving out"),
			SearchRequest.of("they came back"), SearchRequest.of("birthdy"), SearchRequest.of("\"first weekend\""),
			SearchRequest.of("holidays"), SearchRequest.of("therapy sleep"), SearchRequest.of("blocking their number"),
			SearchRequest.of("urge to check their profile"), SearchRequest.of("breadcrumb"), SearchRequest.of("hoover"),
			SearchRequest.of("wedding invitation"), SearchRequest.of("journaling"),
			new SearchRequest("anniversary", List.of(), null, null, null, false, Period.ANY, Sort.NEWEST, 1),
			SearchRequest.of("voicemail"), SearchRequest.of("birthday").withPage(2), SearchRequest.of("slip"));

	@DynamicPropertySource
	static void benchmarkData(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:mysql://127.0.0.1:3306/" + System.getProperty("steadfast.measure.db", "steadfast_bench_s1"));
		registry.add("spring.datasource.username", () -> System.getProperty("steadfast.measure.db-user", "steadfast_bench"));
		registry.add("spring.datasource.password", () -> "bench");
		registry.add("spring.jpa.properties.hibernate.search.backend.directory.root",
				() -> System.getProperty("steadfast.measure.index", "bench/work/measure-index"));
	}

	@Autowired
	ForumSearch search;

	@Test
	void searchMixAsAGuest() throws IOException {
		int warmUp = Integer.getInteger("steadfast.measure.warm-up", 10);
		int rounds = Integer.getInteger("steadfast.measure.rounds", 30);
		Searcher guest = search.searcher(Viewer.GUEST);
		String loadBefore = loadAverage();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<SearchRequest, long[]> times = new LinkedHashMap<>();
		Map<SearchRequest, long[]> cpuTimes = new LinkedHashMap<>();
		MIX.forEach(r -> times.put(r, new long[rounds]));
		MIX.forEach(r -> cpuTimes.put(r, new long[rounds]));
		Map<SearchRequest, SearchResults> found = new LinkedHashMap<>();
		// One query alone (by its label), e.g. for a profile of it.
		String only = System.getProperty("steadfast.measure.only");
		List<SearchRequest> mix = MIX.stream().filter(r -> only == null || label(r).equals(only)).toList();
		times.keySet().retainAll(mix);
		cpuTimes.keySet().retainAll(mix);
		for (int round = -warmUp; round < rounds; round++) {
			for (SearchRequest request : mix) {
				long cpu = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				SearchResults results = search.search(request, guest);
				long took = System.nanoTime() - start;
				if (round >= 0) {
					times.get(request)[round] = took;
					cpuTimes.get(request)[round] = threads.getCurrentThreadCpuTime() - cpu;
				}
				found.put(request, results);
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add("load average before: " + loadBefore + "; after: " + loadAverage());
		lines.add(String.format("%-40s %8s %8s %8s %8s %8s", "query", "p50 ms", "p95 ms", "max ms", "cpu p50",
				"cpu p95"));
		List<Long> all = new ArrayList<>();
		List<Long> allCpu = new ArrayList<>();
		times.forEach((request, t) -> {
			Arrays.stream(t).forEach(all::add);
			Arrays.stream(cpuTimes.get(request)).forEach(allCpu::add);
			lines.add(row(label(request), t, cpuTimes.get(request)));
		});
		lines.add(row("all " + all.size() + " searches", all.stream().mapToLong(Long::longValue).toArray(),
				allCpu.stream().mapToLong(Long::longValue).toArray()));
		lines.add("");
		found.forEach((request, r) -> lines.add(label(request) + ": " + describe(r)));
		lines.forEach(System.out::println);
		Path out = Path.of(System.getProperty("steadfast.measure.out", "target/search-timing.txt"));
		Files.write(out, lines);
	}

	private static String loadAverage() throws IOException {
		return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
	}

	private static String row(String label, long[] elapsed, long[] cpu) {
		long[] e = elapsed.clone();
		long[] c = cpu.clone();
		Arrays.sort(e);
		Arrays.sort(c);
		return String.format("%-40s %8.1f %8.1f %8.1f %8.1f %8.1f", label, ms(percentile(e, 50)), ms(percentile(e, 95)),
				ms(e[e.length - 1]), ms(percentile(c, 50)), ms(percentile(c, 95)));
	}

	private static String label(SearchRequest request) {
		return request.text() + (request.sort() == Sort.NEWEST ? " (newest)" : "")
				+ (request.page() > 1 ? " (page " + request.page() + ")" : "");
	}

	/** Everything a results page shows but the dates: for comparing two versions' answers. */
	private static String describe(SearchResults r) {
		StringBuilder s = new StringBuilder();
		s.append("total=").append(r.total()).append(" pages=").append(r.pages()).append(" broadened=")
				.append(r.broadened()).append(" suggestion=").append(r.suggestion()).append("\n  hits=");
		r.hits().forEach(h -> s.append(h.topic().id()).append('#').append(h.postNumber()).append(' '));
		s.append("\n  titles=");
		r.hits().forEach(h -> s.append(h.titleHtml()).append(" | "));
		s.append("\n  snippets=");
		r.hits().forEach(h -> s.append(h.snippetHtml()).append(" | "));
		s.append("\n  facets=").append(r.facets());
		s.append("\n  popular=").append(r.popularTags());
		return s.toString();
	}

	private static long percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}
}
