package org.steadfast.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.TopicService.NewTopic;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.Visibility;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Whether people find what they look for: the judged queries of relevance-queries.txt against the
 * topics of relevance-corpus.txt, scored by precision at 5 (of the first five results, how many
 * are relevant) and mean reciprocal rank (how high the first relevant result is). On a database
 * of its own, so that no other test's topics compete.
 */
@IntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:steadfast-relevance;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		// Loading the corpus need not wait for each post to be searchable; the test refreshes once.
		"spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=write-sync" })
class SearchRelevanceIT {

	static final double MIN_PRECISION_AT_5 = 0.8;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryService categories;

	@Autowired
	Members members;

	@Autowired
	ForumSearch search;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	SearchIndexer indexer;

	record CorpusTopic(String key, String category, List<String> tags, String title, String body, List<String> replies) {
	}

	record Judged(String query, Set<String> relevant) {
	}

	@Test
	void judgedQueriesFindTheirTopicsWithPrecisionAtFiveOfAtLeastEightyPercent() throws IOException {
		long started = System.nanoTime();
		Map<Long, String> keys = load(corpus());
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().refresh();
		long loaded = System.nanoTime();
		List<Judged> queries = queries();
		assertThat(keys).hasSizeGreaterThanOrEqualTo(40);
		assertThat(queries).hasSizeGreaterThanOrEqualTo(20);

		double precisionSum = 0;
		double reciprocalSum = 0;
		StringBuilder report = new StringBuilder();
		for (Judged judged : queries) {
			List<String> ranked = search.search(SearchRequest.of(judged.query()), Searcher.of(Viewer.GUEST)).hits()
					.stream().map(h -> keys.get(h.topic().id())).toList();
			long relevantInTop5 = ranked.stream().limit(5).filter(judged.relevant()::contains).count();
			double precision = relevantInTop5 / 5.0;
			double reciprocal = 0;
			for (int i = 0; i < ranked.size(); i++) {
				if (judged.relevant().contains(ranked.get(i))) {
					reciprocal = 1.0 / (i + 1);
					break;
				}
			}
			precisionSum += precision;
			reciprocalSum += reciprocal;
			report.append(String.format(Locale.ROOT, "%-45s P@5 %.1f  RR %.2f  %s%n", judged.query(), precision,
					reciprocal, ranked.stream().limit(5).map(k -> judged.relevant().contains(k) ? k : "(" + k + ")")
							.collect(Collectors.joining(" "))));
		}
		double precisionAt5 = precisionSum / queries.size();
		double meanReciprocalRank = reciprocalSum / queries.size();
		report.append(String.format(Locale.ROOT, "P@5 %.3f, MRR %.3f over %d queries and %d topics%n", precisionAt5,
				meanReciprocalRank, queries.size(), keys.size()));
		report.append(String.format(Locale.ROOT, "loading %d ms, queries %d ms%n", (loaded - started) / 1_000_000,
				(System.nanoTime() - loaded) / 1_000_000));
		report.append(timings(queries));
		SearchIndexer.Status index = indexer.status();
		report.append(String.format(Locale.ROOT, "index: %d topics, %d posts, %d KB%n", index.topics(), index.posts(),
				index.sizeBytes() / 1024));
		System.out.print(report);
		assertThat(precisionAt5).as(report.toString()).isGreaterThanOrEqualTo(MIN_PRECISION_AT_5);
	}

	/** How long a whole search takes here (topic query, snippets and the database rows), after warming up. */
	private String timings(List<Judged> queries) {
		List<Long> micros = new ArrayList<>();
		for (int round = 0; round < 6; round++) {
			for (Judged judged : queries) {
				long start = System.nanoTime();
				search.search(SearchRequest.of(judged.query()), Searcher.of(Viewer.GUEST));
				if (round > 0) {
					micros.add((System.nanoTime() - start) / 1000);
				}
			}
		}
		micros.sort(null);
		return String.format(Locale.ROOT, "search time over %d searches: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
				micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 95 / 100) / 1000.0,
				micros.get(micros.size() - 1) / 1000.0);
	}

	/** Posts the corpus through the forum, as members would: each topic by one member, replies by another. */
	private Map<Long, String> load(List<CorpusTopic> corpus) {
		MemberPrincipal asker = members.create("asker");
		MemberPrincipal helper = members.create("helper");
		Map<String, Long> categoryIds = new HashMap<>();
		categories.all().forEach(c -> categoryIds.put(c.slug(), c.id()));
		Map<Long, String> keys = new HashMap<>();
		for (CorpusTopic t : corpus) {
			var topic = topics.startTopic(asker.id(), new NewTopic(categoryIds.get(t.category()), t.title(), t.body(),
					t.tags(), TopicKind.DISCUSSION, Visibility.PUBLIC),
					formTokens.issue(asker.id()));
			for (String reply : t.replies()) {
				topics.reply(topic.getId(), helper.id(), false, reply, formTokens.issue(helper.id()));
			}
			keys.put(topic.getId(), t.key());
		}
		return keys;
	}

	static List<CorpusTopic> corpus() throws IOException {
		List<CorpusTopic> topics = new ArrayList<>();
		for (String block : read("relevance-corpus.txt").split("\n# topic: ")) {
			if (block.startsWith("#")) {
				continue;
			}
			String[] lines = block.strip().split("\n");
			Map<String, String> header = new LinkedHashMap<>();
			int i = 1;
			for (; i < lines.length && lines[i].matches("(category|tags|title): .*"); i++) {
				header.put(lines[i].substring(0, lines[i].indexOf(':')), lines[i].substring(lines[i].indexOf(':') + 2));
			}
			String[] posts = String.join("\n", Arrays.copyOfRange(lines, i, lines.length)).split("\n---\n");
			topics.add(new CorpusTopic(lines[0].strip(), header.get("category"),
					Arrays.stream(header.get("tags").split(",")).map(String::strip).toList(), header.get("title"),
					posts[0].strip(), Arrays.stream(posts).skip(1).map(String::strip).toList()));
		}
		return topics;
	}

	static List<Judged> queries() throws IOException {
		return read("relevance-queries.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.split(" => "))
				.map(parts -> new Judged(parts[0].strip(), Set.of(parts[1].strip().split("\\s+"))))
				.toList();
	}

	private static String read(String name) throws IOException {
		try (InputStream in = SearchRelevanceIT.class.getResourceAsStream("/search/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
