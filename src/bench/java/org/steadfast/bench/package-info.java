/**
 * The load benchmark's data set: a large, realistic community generated deterministically from a
 * seed (members, topics, replies, tags, reactions, plans with check-ins), written with JDBC
 * batches and then indexed by the search module's mass indexer. Switched on by
 * {@code steadfast.bench.generate=true}. Only the bench profile's jar holds it ({@code src/bench},
 * built by {@code bench/run}); see {@code bench/README.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmark data")
package org.steadfast.bench;
