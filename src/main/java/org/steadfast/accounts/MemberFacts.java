package org.steadfast.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Batches;
import org.steadfast.common.Utc;

/**
 * What other modules may know of members for their rules: time zone, when they joined, and
 * until when they are suspended. Never an address or anything a member keeps private. One
 * statement per {@value #BATCH} members asked about.
 * <p>
 * Kept apart from {@link MemberDirectory} on purpose: the modules that only apply rules (partner
 * matching, nudges) get no email address at all; only those that write to members ask the directory.
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
		for (List<Long> batch : Batches.of(memberIds, BATCH)) {
			jdbc.sql("select id, time_zone, created_at, suspended_until from member where id in (:ids)")
					.param("ids", batch)
					.query((rs, n) -> new Facts(rs.getLong("id"), ZoneId.of(rs.getString("time_zone")),
							Utc.read(rs, "created_at"), Utc.read(rs, "suspended_until")))
					.list()
					.forEach(f -> facts.put(f.id(), f));
		}
		return facts;
	}
}
