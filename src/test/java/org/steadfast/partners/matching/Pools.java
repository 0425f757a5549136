package org.steadfast.partners.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Pools of candidates for tests, random but reproducible from a seed. */
final class Pools {

	/**
	 * Where members of an English-language forum plausibly live, with rough shares: heavy in North
	 * America and Western Europe, thinner elsewhere, and the awkward zones (half-hour, 45-minute,
	 * both sides of the date line, southern-hemisphere daylight saving) all present.
	 */
	private static final Object[][] REALISTIC_ZONES = {
			{ "America/New_York", 20.0 }, { "America/Chicago", 10.0 }, { "America/Denver", 4.0 },
			{ "America/Phoenix", 1.0 }, { "America/Los_Angeles", 10.0 }, { "America/Anchorage", 0.5 },
			{ "Pacific/Honolulu", 0.5 }, { "America/Toronto", 3.0 }, { "America/Vancouver", 1.0 },
			{ "America/Halifax", 0.5 }, { "America/St_Johns", 0.3 }, { "America/Mexico_City", 2.0 },
			{ "America/Bogota", 1.0 }, { "America/Sao_Paulo", 2.0 }, { "America/Argentina/Buenos_Aires", 1.0 },
			{ "Europe/London", 12.0 }, { "Europe/Dublin", 2.0 }, { "Europe/Lisbon", 0.5 }, { "Europe/Paris", 3.0 },
			{ "Europe/Berlin", 5.0 }, { "Europe/Madrid", 2.0 }, { "Europe/Amsterdam", 1.0 },
			{ "Europe/Stockholm", 1.0 }, { "Europe/Warsaw", 1.0 }, { "Europe/Athens", 1.0 },
			{ "Europe/Istanbul", 1.0 }, { "Africa/Lagos", 1.0 }, { "Africa/Johannesburg", 1.0 },
			{ "Asia/Dubai", 1.0 }, { "Asia/Kolkata", 3.0 }, { "Asia/Kathmandu", 0.2 }, { "Asia/Manila", 2.0 },
			{ "Asia/Singapore", 1.0 }, { "Asia/Tokyo", 1.0 }, { "Australia/Perth", 0.5 },
			{ "Australia/Adelaide", 0.3 }, { "Australia/Brisbane", 1.0 }, { "Australia/Sydney", 3.0 },
			{ "Pacific/Auckland", 2.0 }, { "Pacific/Pago_Pago", 0.1 }, { "Pacific/Kiritimati", 0.05 } };

	private Pools() {
	}

	static Candidate candidate(long id, String zone, LocalDate start, int hour, Wish... wishes) {
		return candidate(id, ZoneId.of(zone), start, hour, wishes);
	}

	static Candidate candidate(long id, ZoneId zone, LocalDate start, int hour, Wish... wishes) {
		Set<Wish> set = EnumSet.noneOf(Wish.class);
		set.addAll(List.of(wishes));
		return new Candidate(id, zone, start, set, hour);
	}

	/**
	 * A pool shaped like the real one: zones by the shares above, plans mostly started in the last
	 * month (people look for a partner early) but some long-running and a few starting soon, most
	 * members with one to three wishes and one in ten with none, check-ins mostly mornings and
	 * evenings. Ids are scattered, not 1..n, so nothing relies on them being dense.
	 */
	static List<Candidate> realistic(int size, Instant now, long seed) {
		Random random = new Random(seed);
		double totalShare = 0;
		for (Object[] zone : REALISTIC_ZONES) {
			totalShare += (double) zone[1];
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Set<Long> ids = new HashSet<>();
		List<Candidate> pool = new ArrayList<>(size);
		while (pool.size() < size) {
			long id = 1 + random.nextInt(50 * size);
			if (!ids.add(id)) {
				continue;
			}
			double pick = random.nextDouble() * totalShare;
			String zone = null;
			for (Object[] candidateZone : REALISTIC_ZONES) {
				zone = (String) candidateZone[0];
				pick -= (double) candidateZone[1];
				if (pick <= 0) {
					break;
				}
			}
			double when = random.nextDouble();
			int daysAgo = when < 0.05 ? -random.nextInt(15)
					: when < 0.55 ? random.nextInt(31)
							: when < 0.85 ? 30 + random.nextInt(90) : 120 + random.nextInt(246);
			Set<Wish> wishes = EnumSet.noneOf(Wish.class);
			if (random.nextDouble() >= 0.1) {
				while (wishes.isEmpty()) {
					for (Wish wish : Wish.values()) {
						if (random.nextBoolean()) {
							wishes.add(wish);
						}
					}
				}
			}
			double habit = random.nextDouble();
			int hour = habit < 0.35 ? 6 + random.nextInt(4) : habit < 0.8 ? 19 + random.nextInt(5) : random.nextInt(24);
			pool.add(new Candidate(id, ZoneId.of(zone), today.minusDays(daysAgo), wishes, hour));
		}
		return pool;
	}

	/**
	 * The hardest plausible shape: everyone within three hours of each other in Western and
	 * Central Europe and every plan started in the same month, so that almost every pair with a
	 * wish in common is compatible.
	 */
	static List<Candidate> crowded(int size, Instant now, long seed) {
		Random random = new Random(seed);
		String[] zones = { "Europe/London", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Athens" };
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Candidate> pool = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			Set<Wish> wishes = EnumSet.noneOf(Wish.class);
			for (Wish wish : Wish.values()) {
				if (random.nextBoolean()) {
					wishes.add(wish);
				}
			}
			pool.add(new Candidate(1000 + 3L * i, ZoneId.of(zones[random.nextInt(zones.length)]),
					today.minusDays(random.nextInt(30)), wishes, random.nextInt(24)));
		}
		return pool;
	}

	/** A small pool packed close together so that most pairs are compatible and fits vary. */
	static List<Candidate> dense(int size, Instant now, Random random) {
		String[] zones = { "Europe/London", "Europe/Berlin", "Europe/Athens", "Atlantic/Azores", "America/Sao_Paulo",
				"Asia/Kolkata", "Asia/Dubai", "Pacific/Auckland", "Pacific/Pago_Pago", "Pacific/Honolulu",
				"Pacific/Kiritimati" };
		// Each pool draws from a few neighbouring zones so that compatibility is neither all nor nothing.
		int from = random.nextInt(zones.length);
		int spread = 1 + random.nextInt(3);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Candidate> pool = new ArrayList<>(size);
		Set<Long> ids = new HashSet<>();
		while (pool.size() < size) {
			long id = random.nextInt(1000);
			if (!ids.add(id)) {
				continue;
			}
			String zone = zones[(from + random.nextInt(spread)) % zones.length];
			Set<Wish> wishes = EnumSet.noneOf(Wish.class);
			for (Wish wish : Wish.values()) {
				if (random.nextInt(3) == 0) {
					wishes.add(wish);
				}
			}
			pool.add(new Candidate(id, ZoneId.of(zone), today.minusDays(random.nextInt(80)), wishes,
					random.nextInt(24)));
		}
		return pool;
	}

	/**
	 * Excludes {@code count} random pairs of the pool, plus for every tenth member some pairs with
	 * members in the same zone (people who met in a local thread and fell out), remembering one
	 * direction only, as a block or report would.
	 */
	static Exclusions sparseExclusions(List<Candidate> pool, int count, Random random) {
		Set<Long> excluded = new HashSet<>();
		while (excluded.size() < count) {
			long a = pool.get(random.nextInt(pool.size())).memberId();
			long b = pool.get(random.nextInt(pool.size())).memberId();
			if (a != b) {
				excluded.add(a << 32 | b);
			}
		}
		for (int i = 0; i < pool.size(); i += 10) {
			for (int j = i + 1; j < Math.min(pool.size(), i + 200); j++) {
				if (pool.get(i).zone().equals(pool.get(j).zone()) && random.nextInt(4) == 0) {
					excluded.add(pool.get(j).memberId() << 32 | pool.get(i).memberId());
				}
			}
		}
		return (a, b) -> excluded.contains(a << 32 | b);
	}

	/** Excludes each pair of the pool with the given probability, remembering one direction only. */
	static Exclusions randomExclusions(List<Candidate> pool, double probability, Random random) {
		Set<String> excluded = new HashSet<>();
		for (int i = 0; i < pool.size(); i++) {
			for (int j = i + 1; j < pool.size(); j++) {
				if (random.nextDouble() < probability) {
					excluded.add(pool.get(i).memberId() + "-" + pool.get(j).memberId());
				}
			}
		}
		return (a, b) -> excluded.contains(a + "-" + b);
	}
}
