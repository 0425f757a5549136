package org.steadfast.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Batches;
import org.steadfast.common.Utc;

/**
 * Where members stand with the moderators, for other modules' rules (partner matching): who is
 * under a sanction that restricts them, and who reported whom. One statement per {@value #BATCH}
 * members asked about, always read from the database (not the in-memory sanctions), so that a
 * job on any node sees what was decided a moment ago.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class MemberStanding {

	/** Members asked about per statement, so that a large pool does not make one huge statement. */
	static final int BATCH = 1000;

	/** A member flagged a post of another. */
	public record Report(long reporterId, long authorId) {
	}

	private final JdbcClient jdbc;

	MemberStanding(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Those of the members under a silence, suspension or ban in force at {@code at}. A warning
	 * restricts nobody: it is a message from the moderators.
	 */
	public Set<Long> restrictedAt(Collection<Long> memberIds, Instant at) {
		Set<Long> restricted = new HashSet<>();
		for (List<Long> batch : Batches.of(memberIds, BATCH)) {
			restricted.addAll(jdbc.sql("""
					select distinct member_id from sanction where member_id in (:ids) and kind <> 'WARN'
					and lifted_at is null and starts_at <= :at and (ends_at is null or ends_at > :at)""")
					.param("ids", batch).param("at", Utc.of(at)).query(Long.class).list());
		}
		return restricted;
	}

	/** Every report the members made: who flagged a post, and who wrote it. */
	public List<Report> reportsBy(Collection<Long> reporterIds) {
		List<Report> reports = new ArrayList<>();
		for (List<Long> batch : Batches.of(reporterIds, BATCH)) {
			reports.addAll(jdbc.sql("select f.member_id, p.author_id from flag f join post p on p.id = f.post_id "
					+ "where f.member_id in (:ids)")
					.param("ids", batch).query((rs, n) -> new Report(rs.getLong(1), rs.getLong(2))).list());
		}
		return reports;
	}
}
