package org.steadfast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.steadfast.demo.SeedRows;
import org.steadfast.notifications.Digests;

/**
 * The digest benchmark ({@code bench/run --only digest}). With {@code steadfast.bench.digest-members}
 * it adds the digest readers at start (after {@link BenchData}); then, each time the file
 * {@code steadfast.bench.digest-trigger} appears (its content is a label), it makes every reader
 * due, times one digest composition and writes the figures to {@code <trigger>.<label>.result}.
 * A file and not an HTTP endpoint, so that nothing is added to the site's surface.
 */
@Configuration
@ConditionalOnExpression("'${steadfast.bench.generate:false}' == 'true' and ${steadfast.bench.digest-members:0} > 0")
class BenchDigestRunner {

	private static final Logger log = LoggerFactory.getLogger(BenchDigestRunner.class);

	@Bean
	BenchDigestData benchDigestData(JdbcTemplate jdbc, SeedRows rows, PlatformTransactionManager transactionManager,
			PasswordEncoder passwordEncoder) {
		return new BenchDigestData(jdbc, rows, transactionManager, passwordEncoder);
	}

	@Bean
	@Order(30)
	ApplicationRunner benchDigestGenerate(BenchDigestData data, Clock clock, BenchProperties bench) {
		int members = bench.getDigestMembers();
		return args -> {
			long started = System.nanoTime();
			if (data.generate(members, bench.getSeed(), bench.getPrefix(), clock.instant())) {
				log.info("Digest benchmark readers generated in {} ms: {} extra members", (System.nanoTime() - started) / 1_000_000,
						members);
			}
		};
	}

	@Bean
	@Order(300)
	ApplicationRunner benchDigestTrigger(BenchDigestData data, Digests digests, Clock clock, BenchProperties bench) {
		String trigger = bench.getDigestTrigger();
		if (trigger == null || trigger.isBlank()) {
			throw new IllegalStateException("steadfast.bench.digest-trigger is required with steadfast.bench.digest-members");
		}
		return args -> {
			Thread watcher = new Thread(() -> watch(Path.of(trigger), data, digests, clock), "bench-digest");
			watcher.setDaemon(true);
			watcher.start();
		};
	}

	private static void watch(Path trigger, BenchDigestData data, Digests digests, Clock clock) {
		while (true) {
			try {
				if (Files.exists(trigger)) {
					String label = Files.readString(trigger).strip();
					Files.delete(trigger);
					Path result = trigger.resolveSibling(trigger.getFileName() + "." + (label.isEmpty() ? "run" : label) + ".result");
					Files.write(result, measure(data, digests, clock));
				}
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (RuntimeException e) {
				log.error("Digest benchmark run failed", e);
			}
		}
	}

	/** One timed run, with the heap sampled every 50 ms while it composes. */
	private static List<String> measure(BenchDigestData data, Digests digests, Clock clock) throws InterruptedException {
		Instant now = clock.instant();
		int readers = data.prepare(now);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "bench-digest-heap");
		sampler.setDaemon(true);
		sampler.start();
		// The composing thread's own CPU time: on a shared machine, the part of the elapsed time
		// that is the digest's work rather than waiting for the database or for a free core.
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long started = System.nanoTime();
		Digests.Run run = digests.composeDue(now);
		long millis = (System.nanoTime() - started) / 1_000_000;
		long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
		sampler.interrupt();
		sampler.join();
		System.gc();
		long after = memory.getHeapMemoryUsage().getUsed();
		log.info("Digest benchmark: {} readers, {} in {} ms", readers, run, millis);
		return List.of("readers=" + readers, "subscribers=" + run.subscribers(), "due=" + run.due(),
				"written=" + run.written(), "nothing_new=" + run.nothingNew(), "millis=" + millis, "thread_cpu_ms=" + cpuMillis,
				"per_second=" + (millis == 0 ? 0 : run.due() * 1000L / millis), "heap_before_mb=" + (before >> 20),
				"heap_peak_mb=" + (peak.get() >> 20), "heap_after_gc_mb=" + (after >> 20),
				"heap_max_mb=" + (memory.getHeapMemoryUsage().getMax() >> 20));
	}
}
