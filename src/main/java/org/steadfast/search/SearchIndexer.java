package org.steadfast.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.steadfast.common.Utc;
import org.steadfast.forum.Post;
import org.steadfast.forum.Topic;
import org.steadfast.ops.NodeProperties;
import org.steadfast.search.internal.ForumAnalysis;

/**
 * Keeps the search index built. Changes made through the forum's entities are indexed on commit
 * by Hibernate Search; this rebuilds everything from the database with the mass indexer: at
 * start when the index is missing, incomplete or built with another mapping, and on an
 * administrator's request, with progress they can watch.
 */
@Service
public class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	/** The row of {@code search_index_state} that describes the forum index. */
	static final String INDEX = "forum";

	/** A rebuild's progress; {@code total} is 0 until the indexer has counted. */
	public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
			boolean failed) {

		static final Progress NONE = new Progress(false, 0, 0, null, null, false);

		public int percent() {
			return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}
	}

	/**
	 * What the index holds, and how it was last built.
	 *
	 * @param sizeBytes the index size on disk or heap, when the backend can tell (Lucene); otherwise null
	 * @param current whether the index was built with this version's mapping
	 */
	public record Status(Progress progress, long topics, long posts, Long sizeBytes, Instant builtAt,
			Duration took, boolean current) {
	}

	private final EntityManagerFactory entityManagerFactory;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final LockProvider locks;
	private final boolean cluster;
	private final AtomicBoolean running = new AtomicBoolean();
	private final AtomicReference<Progress> lastProgress = new AtomicReference<>(Progress.NONE);
	private volatile Monitor monitor;

	SearchIndexer(EntityManagerFactory entityManagerFactory, JdbcClient jdbc, Clock clock, LockProvider locks,
			NodeProperties node) {
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
		this.clock = clock;
		this.locks = locks;
		this.cluster = node.isCluster();
	}

	public Progress progress() {
		Monitor current = monitor;
		return current != null ? current.progress() : lastProgress.get();
	}

	public Status status() {
		Optional<Built> built = built();
		return new Status(progress(), documents(Topic.class), documents(Post.class), sizeBytes(),
				built.map(Built::at).orElse(null), built.map(Built::took).orElse(null),
				built.map(b -> b.fingerprint().equals(fingerprint())).orElse(false));
	}

	/**
	 * At start: rebuilds and waits when the index was built with another mapping, or holds a
	 * different number of topics or posts than the database (missing, lost, or filled behind
	 * Hibernate Search's back, as the demo data is).
	 */
	public void rebuildIfNeeded() {
		// Nodes starting together decide one at a time; one that finds the lock taken leaves the
		// index to the node holding it.
		Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "search-index-check",
				Duration.ofHours(6), Duration.ZERO));
		if (lock.isEmpty()) {
			log.info("Another node is checking or rebuilding the search index");
			return;
		}
		try {
			checkAndRebuild();
		}
		finally {
			lock.get().unlock();
		}
	}

	private void checkAndRebuild() {
		String fingerprint = fingerprint();
		Optional<Built> built = built();
		boolean mappingChanged = built.map(b -> !b.fingerprint().equals(fingerprint)).orElse(true);
		long topics = rows("select count(*) from topic where status in ('VISIBLE', 'PENDING')");
		long posts = rows("select count(*) from post where status in ('VISIBLE', 'PENDING')");
		boolean complete = documents(Topic.class) == topics && documents(Post.class) == posts;
		if (!mappingChanged && cluster) {
			// A shared index lags the database by the outbox's few moments, and catches up by itself.
			log.debug("Search index mapping is current; the outbox keeps it complete");
			return;
		}
		if (!mappingChanged && complete) {
			log.debug("Search index is current: {} topics, {} posts", topics, posts);
			return;
		}
		if (topics == 0 && posts == 0 && complete) {
			// A new, empty forum: nothing to index, only remember the mapping it has.
			record(fingerprint, clock.instant(), Duration.ZERO, 0);
			return;
		}
		log.info("Rebuilding the search index ({}): {} topics, {} posts",
				mappingChanged ? "its mapping changed" : "it is missing or incomplete", topics, posts);
		run(mappingChanged, fingerprint);
	}

	/** Starts a full rebuild in the background; false when one is already running. */
	public boolean rebuild() {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		Thread worker = new Thread(() -> {
			try {
				String fingerprint = fingerprint();
				// Dropping the index is needed only for another mapping; otherwise emptying it keeps it usable.
				massIndex(built().map(b -> !b.fingerprint().equals(fingerprint)).orElse(true), fingerprint);
			}
			finally {
				running.set(false);
			}
		}, "search-rebuild");
		worker.setDaemon(true);
		worker.start();
		return true;
	}

	private void run(boolean dropSchema, String fingerprint) {
		if (!running.compareAndSet(false, true)) {
			return;
		}
		try {
			massIndex(dropSchema, fingerprint);
		}
		finally {
			running.set(false);
		}
	}

	private void massIndex(boolean dropSchema, String fingerprint) {
		Instant started = clock.instant();
		Monitor current = new Monitor(started);
		monitor = current;
		boolean failed = false;
		try {
			Search.mapping(entityManagerFactory).scope(List.of(Topic.class, Post.class)).massIndexer()
					// Two loading threads: this runs beside the forum on small machines.
					.threadsToLoadObjects(2)
					.batchSizeToLoadObjects(50)
					.typesToIndexInParallel(1)
					.dropAndCreateSchemaOnStart(dropSchema)
					.purgeAllOnStart(!dropSchema)
					// One segment per index once built: every search then sets up its terms, scorers
					// and facet counters once rather than per segment (a tenth of its time at
					// 200,000 posts, for about 15 seconds of merging). Later writes add small segments.
					.mergeSegmentsOnFinish(true)
					.monitor(current)
					.startAndWait();
			Duration took = Duration.between(started, clock.instant());
			long documents = current.done.get();
			record(fingerprint, started, took, documents);
			log.info("Search index rebuilt in {} ms: {} documents", took.toMillis(), documents);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			failed = true;
		}
		catch (RuntimeException e) {
			log.error("Rebuilding the search index failed", e);
			failed = true;
		}
		finally {
			lastProgress.set(current.finished(clock.instant(), failed));
			monitor = null;
		}
	}

	private record Built(String fingerprint, Instant at, Duration took) {
	}

	private Optional<Built> built() {
		return jdbc.sql("select fingerprint, built_at, took_ms from search_index_state where name = ?")
				.param(INDEX)
				.query((rs, n) -> new Built(rs.getString(1),
						Utc.read(rs, "built_at"), Duration.ofMillis(rs.getLong(3))))
				.optional();
	}

	private void record(String fingerprint, Instant builtAt, Duration took, long documents) {
		LocalDateTime at = Utc.of(builtAt);
		int updated = jdbc.sql("update search_index_state set fingerprint = ?, built_at = ?, took_ms = ?, documents = ? where name = ?")
				.params(fingerprint, at, took.toMillis(), documents, INDEX).update();
		if (updated == 0) {
			jdbc.sql("insert into search_index_state (name, fingerprint, built_at, took_ms, documents) values (?, ?, ?, ?, ?)")
					.params(INDEX, fingerprint, at, took.toMillis(), documents).update();
		}
	}

	private long rows(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long documents(Class<?> type) {
		try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
			return Search.session(entityManager).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
		}
		catch (SearchException e) {
			return -1;
		}
	}

	private Long sizeBytes() {
		try {
			SearchMapping mapping = Search.mapping(entityManagerFactory);
			long size = 0;
			for (Class<?> type : List.of(Topic.class, Post.class)) {
				size += mapping.indexedEntity(type).indexManager().unwrap(LuceneIndexManager.class).computeSizeInBytes();
			}
			return size;
		}
		catch (SearchException e) {
			return null;
		}
	}

	/**
	 * A digest of every indexed field's name, type and options, and of the analysis version:
	 * any change to the forum's search annotations changes it, and the next start rebuilds.
	 */
	String fingerprint() {
		List<String> lines = new ArrayList<>();
		for (var entity : Search.mapping(entityManagerFactory).allIndexedEntities()) {
			var descriptor = entity.indexManager().descriptor();
			for (IndexFieldDescriptor field : descriptor.staticFields()) {
				lines.add(descriptor.hibernateSearchName() + " " + describe(field));
			}
		}
		lines.add("analysis " + ForumAnalysis.VERSION);
		lines.sort(null);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(IndexFieldDescriptor field) {
		if (field.isObjectField()) {
			return field.absolutePath() + " object nested=" + field.toObjectField().type().nested();
		}
		var type = field.toValueField().type();
		return field.absolutePath() + " " + type.valueClass().getName() + " searchable=" + type.searchable()
				+ " sortable=" + type.sortable() + " projectable=" + type.projectable() + " aggregable="
				+ type.aggregable() + " analyzer=" + type.analyzerName().orElse("") + " normalizer="
				+ type.normalizerName().orElse("") + " searchAnalyzer=" + type.searchAnalyzerName().orElse("")
				+ " multi=" + field.multiValued();
	}

	/** Counts what the mass indexer reports, for the progress the admin page shows. */
	private static final class Monitor implements MassIndexingMonitor {

		private final Instant started;
		private final AtomicLong total = new AtomicLong();
		private final AtomicLong done = new AtomicLong();

		Monitor(Instant started) {
			this.started = started;
		}

		Progress progress() {
			return new Progress(true, done.get(), total.get(), started, null, false);
		}

		Progress finished(Instant at, boolean failed) {
			return new Progress(false, done.get(), Math.max(total.get(), done.get()), started, at, failed);
		}

		@Override
		public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext context) {
			return new MassIndexingTypeGroupMonitor() {

				@Override
				public void indexingStarted(MassIndexingTypeGroupMonitorContext started) {
					started.totalCount().ifPresent(total::addAndGet);
				}

				@Override
				public void documentsIndexed(long count) {
				}

				@Override
				public void indexingCompleted(MassIndexingTypeGroupMonitorContext completed) {
				}
			};
		}

		@Override
		public void documentsAdded(long count) {
			done.addAndGet(count);
		}

		@Override
		public void documentsBuilt(long count) {
		}

		@Override
		public void entitiesLoaded(long count) {
		}

		@Override
		public void indexingCompleted() {
		}
	}
}
