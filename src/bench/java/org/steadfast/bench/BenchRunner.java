package org.steadfast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.steadfast.demo.SeedRows;
import org.steadfast.search.SearchIndexer;

/**
 * With {@code steadfast.bench.generate=true}, generates the benchmark data at start (before the
 * search module's start-up runner, which then mass-indexes it), and once the index is built
 * writes what the load script needs to {@code steadfast.bench.report}: the addresses to drive,
 * the sign-in names, and the generation and indexing figures.
 */
@Configuration
@ConditionalOnProperty(name = "steadfast.bench.generate", havingValue = "true")
class BenchRunner {

	private static final Logger log = LoggerFactory.getLogger(BenchRunner.class);

	private final AtomicReference<BenchData.Result> result = new AtomicReference<>();

	@Bean
	BenchData benchData(JdbcTemplate jdbc, SeedRows rows, PlatformTransactionManager transactionManager,
			PasswordEncoder passwordEncoder) {
		return new BenchData(jdbc, rows, transactionManager, passwordEncoder);
	}

	@Bean
	@Order(20)
	ApplicationRunner benchGenerate(BenchData data, Clock clock, BenchProperties bench) {
		double scale = bench.getScale();
		return args -> {
			BenchData.Sizes sizes = BenchData.Sizes.scaled(scale);
			BenchData.Result r = data.generate(sizes, bench.getSeed(), bench.getPrefix(), clock.instant());
			result.set(r);
			if (r.generated()) {
				log.info("Benchmark data generated in {} ms ({} at scale {}): {} members, {} topics, {} posts, {} check-ins, {} reactions",
						r.millis(), sizes, scale, r.members(), r.topics(), r.posts(), r.checkIns(), r.reactions());
			}
			else {
				log.info("Benchmark data found, reused ({} posts)", r.posts());
			}
		};
	}

	/** After IndexOnStart (order 100): the index is built by now. */
	@Bean
	@Order(200)
	ApplicationRunner benchReport(SearchIndexer indexer, BenchProperties bench) {
		String report = bench.getReport();
		return args -> {
			BenchData.Result r = result.get();
			SearchIndexer.Status status = indexer.status();
			List<String> lines = new ArrayList<>();
			lines.add("generated=" + r.generated());
			lines.add("generation_ms=" + (r.generated() ? r.millis() : ""));
			lines.add("members=" + r.members());
			lines.add("topics=" + r.topics());
			lines.add("posts=" + r.posts());
			lines.add("check_ins=" + r.checkIns());
			lines.add("reactions=" + r.reactions());
			lines.add("index_ms=" + (status.took() == null ? "" : status.took().toMillis()));
			lines.add("index_bytes=" + (status.sizeBytes() == null ? "" : status.sizeBytes()));
			lines.add("index_topics=" + status.topics());
			lines.add("index_posts=" + status.posts());
			lines.add("known_topic=" + r.knownTopic());
			lines.add("known_plan=" + r.knownPlan());
			lines.add("category=" + r.category());
			lines.add("tag=" + r.tag());
			lines.add("reply_topics=" + String.join(" ", r.replyTopics()));
			lines.add("usernames=" + String.join(" ", r.usernames()));
			lines.add("password=" + BenchData.PASSWORD);
			log.info("Benchmark data: {}", lines);
			if (report != null && !report.isBlank()) {
				try {
					Path path = Path.of(report);
					if (path.getParent() != null) {
						Files.createDirectories(path.getParent());
					}
					Files.write(path, lines);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		};
	}
}
