package org.steadfast.moderation.matching;

/**
 * Wall-clock timing for the performance tests. The best of several runs after a warm-up measures the
 * algorithm rather than the JIT compiler, a garbage collection or a busy build machine; a quadratic
 * algorithm is slow on every run, so taking the best hides nothing that matters here.
 */
final class Timing {

	private static final int WARM_UP = 5;
	private static final int RUNS = 10;

	private Timing() {
	}

	static long bestOfMillis(Runnable work) {
		for (int i = 0; i < WARM_UP; i++) {
			work.run();
		}
		long best = Long.MAX_VALUE;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.run();
			best = Math.min(best, System.nanoTime() - start);
		}
		return best / 1_000_000;
	}
}
