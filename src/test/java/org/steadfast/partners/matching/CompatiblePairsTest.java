package org.steadfast.partners.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grouping by offset and start date must find exactly the pairs that comparing everyone finds. */
class CompatiblePairsTest {

	@ParameterizedTest
	@CsvSource({ "2025-01-15T12:00:00Z, 3, 60", "2025-03-15T12:00:00Z, 3, 60", "2025-07-15T12:00:00Z, 3, 60",
			"2025-10-29T12:00:00Z, 3, 60", "2025-01-15T12:00:00Z, 0, 60", "2025-07-15T12:00:00Z, 12, 60",
			"2025-01-15T12:00:00Z, 5, 0", "2025-07-15T12:00:00Z, 1, 400", "2025-03-15T12:00:00Z, 4, 7" })
	void findsEveryCompatiblePairOnceAndNothingElse(String moment, int hours, int days) {
		Instant now = Instant.parse(moment);
		Rules rules = new Rules(hours, days);
		List<Candidate> pool = new ArrayList<>(Pools.realistic(700, now, hours * 1000L + days));
		pool.addAll(Pools.dense(80, now, new Random(days)).stream()
				.map(c -> new Candidate(c.memberId() + 1_000_000, c.zone(), c.planStart(), c.wishes(),
						c.usualCheckInHour()))
				.toList());
		pool.sort(Comparator.comparingLong(Candidate::memberId));

		Map<Long, Integer> expected = new HashMap<>();
		for (int i = 0; i < pool.size(); i++) {
			for (int j = i + 1; j < pool.size(); j++) {
				OptionalDouble fit = Fit.score(pool.get(i), pool.get(j), now, rules);
				if (fit.isPresent()) {
					expected.put(Matcher.key(i, j), CompatiblePairs.weight(fit.getAsDouble()));
				}
			}
		}
		Map<Long, Integer> found = new HashMap<>();
		new CompatiblePairs(pool, now, rules).forEach((i, j, w) -> {
			assertThat(i).isLessThan(j);
			assertThat(found.put(Matcher.key(i, j), w)).as("pair %d-%d visited twice", i, j).isNull();
		});
		assertThat(found).isEqualTo(expected);
		assertThat(found).isNotEmpty();
	}
}
