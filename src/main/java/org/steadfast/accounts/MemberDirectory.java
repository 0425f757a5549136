package org.steadfast.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;

/**
 * What other modules may know of members to write to them: address, names, time zone, whether the
 * address is confirmed and whether they are suspended. Every answer is one statement, whatever the
 * number of members asked about, so that jobs mailing many members ask once per batch.
 */
@Component
// Reads need no transaction of their own; inside a caller's transaction they join it.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class MemberDirectory {

	/** A member as mail and notifications see them. */
	public record Entry(long id, String email, String username, String displayName, ZoneId timeZone,
			boolean emailVerified, Instant suspendedUntil) {

		/** Whether a suspension (or a ban, which is a suspension without end) is running at {@code now}. */
		public boolean suspendedAt(Instant now) {
			return suspendedUntil != null && suspendedUntil.isAfter(now);
		}
	}

	private static final String COLUMNS = """
			select id, email, username, display_name, time_zone, email_verified, suspended_until from member""";

	private final JdbcClient jdbc;

	MemberDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Entry> entry(long memberId) {
		return jdbc.sql(COLUMNS + " where id = ?").param(memberId).query(MemberDirectory::entry).optional();
	}

	/** The members among {@code memberIds} that exist, by id. */
	public Map<Long, Entry> entries(Collection<Long> memberIds) {
		Map<Long, Entry> found = new HashMap<>();
		if (memberIds.isEmpty()) {
			return found;
		}
		jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", memberIds).query(MemberDirectory::entry).list()
				.forEach(e -> found.put(e.id(), e));
		return found;
	}

	/** The ids of the members with these lower-cased usernames (those that exist). */
	public List<Long> idsOfUsernames(Collection<String> usernameKeys) {
		if (usernameKeys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from member where username_key in (:keys)").param("keys", usernameKeys)
				.query(Long.class).list();
	}

	/** Moderators and administrators. */
	public List<Long> staffIds() {
		return jdbc.sql("select id from member where role in ('MODERATOR', 'ADMIN') order by id").query(Long.class).list();
	}

	/**
	 * Holds the member's row until the caller's transaction ends, so that work about one member in
	 * parallel transactions (listeners answering the same event) takes turns instead of racing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void holdUntilCommit(long memberId) {
		jdbc.sql("select id from member where id = ? for update").param(memberId).query(Long.class).optional();
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("email"), rs.getString("username"), rs.getString("display_name"),
				ZoneId.of(rs.getString("time_zone")), rs.getBoolean("email_verified"), Utc.read(rs, "suspended_until"));
	}
}
