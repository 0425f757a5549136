package org.steadfast.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;

/**
 * Every moderator and admin action, append-only. This class is the only writer of the table and
 * offers no update or delete: a mistaken action is corrected by a new one, and both stay.
 */
@Service
public class AuditLog {

	public record Entry(long id, Instant at, long actorId, String actorUsername, String action, String targetType,
			long targetId, String reason, String before, String after) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records one action, in the transaction of the action itself, so neither exists without the other. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long actorId, String action, String targetType, long targetId, String reason, String before,
			String after) {
		jdbc.sql("""
				insert into audit_log (acted_at, actor_id, action, target_type, target_id, reason, before_text, after_text)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Utc.of(clock.instant()), actorId, action, targetType, targetId,
						reason == null ? "" : reason, before, after)
				.update();
	}

	/** Newest first, optionally only one actor's, one action, or one target. */
	@Transactional(readOnly = true)
	public List<Entry> browse(String action, String targetType, Long targetId, String actor, int limit) {
		return jdbc.sql("""
				select a.id, a.acted_at, a.actor_id, m.username, a.action, a.target_type, a.target_id, a.reason,
				       a.before_text, a.after_text
				from audit_log a left join member m on m.id = a.actor_id
				where (:action = '' or a.action = :action)
				  and (:type = '' or a.target_type = :type)
				  and (:target < 0 or a.target_id = :target)
				  and (:actor = '' or m.username_key = :actor)
				order by a.id desc limit :limit""")
				.param("action", action == null ? "" : action)
				.param("type", targetType == null ? "" : targetType)
				.param("target", targetId == null ? -1L : targetId)
				.param("actor", actor == null ? "" : actor.trim().toLowerCase(Locale.ROOT))
				.param("limit", limit)
				.query((rs, n) -> new Entry(rs.getLong(1), Utc.instant(rs.getObject(2, LocalDateTime.class)),
						rs.getLong(3), rs.getString(4) == null ? "system" : rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
						rs.getString(9), rs.getString(10)))
				.list();
	}
}
