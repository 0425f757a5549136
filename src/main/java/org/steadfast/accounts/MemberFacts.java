package org.steadfast.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;

/**
 * What other modules may know of members for their rules: time zone, when they joined, and
 * until when they are suspended. Never an address or anything a member keeps private. One
 * statement per {@value #BATCH} members asked about.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class MemberFacts {

	/** Members asked about per statement, so that a large pool does not make one huge statement. */
	static final int BATCH = 1000;

	public record Facts(long id, ZoneId zone, Instant joinedAt, Instant suspendedUntil) {

		/** Whether a suspension keeps the member out at {@code now}. */
		public boolean suspendedAt(Instant now) {
			return suspendedUntil != null && suspendedUntil.isAfter(now);
		}
	}

	private final JdbcClient jdbc;

	MemberFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The facts of each of these members who exists. */
	public Map<Long, Facts> of(Collection<Long> memberIds) {
		Map<Long, Facts> facts = new HashMap<>();
		List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
		for (int from = 0; from < ids.size(); from += BATCH) {
			jdbc.sql("select id, time_zone, created_at, suspended_until from member where id in (:ids)")
					.param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
					.query((rs, n) -> new Facts(rs.getLong("id"), ZoneId.of(rs.getString("time_zone")),
							Utc.read(rs, "created_at"), Utc.read(rs, "suspended_until")))
					.list()
					.forEach(f -> facts.put(f.id(), f));
		}
		return facts;
	}
}
