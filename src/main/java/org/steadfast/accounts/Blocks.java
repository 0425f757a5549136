package org.steadfast.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who blocked whom: the one place any module asks (members block and unblock through
 * {@link MemberService}). Two members of whom either blocked the other don't see each other's
 * posts, react to, mention, notify, match with or alert each other. Every answer is one statement,
 * whatever the number of members asked about.
 */
@Component
public class Blocks {

	/**
	 * The members whom the member bound to {@code :me} blocked or was blocked by, one
	 * {@code member_id} a row, for another module's statement that must stay one statement (a topic
	 * page's own part for its reader): the rule is then still written here only.
	 */
	public static final String EITHER_WAY_OF_ME = """
			select blocked_id as member_id from member_block where blocker_id = :me
			union all select blocker_id from member_block where blocked_id = :me""";

	private final JdbcClient jdbc;

	Blocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the first member blocked the second. */
	@Transactional(readOnly = true)
	public boolean hasBlocked(long blockerId, long blockedId) {
		return jdbc.sql("select count(*) from member_block where blocker_id = ? and blocked_id = ?")
				.params(blockerId, blockedId).query(Integer.class).single() > 0;
	}

	/** Whether either of the two blocked the other. */
	@Transactional(readOnly = true)
	public boolean eitherWay(long a, long b) {
		return jdbc.sql("""
				select count(*) from member_block
				where (blocker_id = ? and blocked_id = ?) or (blocker_id = ? and blocked_id = ?)""")
				.params(a, b, b, a).query(Integer.class).single() > 0;
	}

	/** The members the given one blocked or was blocked by. */
	@Transactional(readOnly = true)
	public Set<Long> eitherWay(long memberId) {
		return new HashSet<>(jdbc.sql("""
				select blocked_id from member_block where blocker_id = ?
				union select blocker_id from member_block where blocked_id = ?""")
				.params(memberId, memberId).query(Long.class).list());
	}

	/**
	 * For each of the given members who blocked or was blocked by anyone, those others (members
	 * with no block are absent from the map).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Set<Long>> eitherWayFor(Collection<Long> memberIds) {
		Map<Long, Set<Long>> hidden = new HashMap<>();
		if (memberIds.isEmpty()) {
			return hidden;
		}
		Set<Long> asked = new HashSet<>(memberIds);
		List<Long> ids = List.copyOf(asked);
		// Two index lookups rather than one OR, which would read the whole table.
		jdbc.sql("""
				select blocker_id, blocked_id from member_block where blocker_id in (:ids)
				union all
				select blocker_id, blocked_id from member_block where blocked_id in (:ids)""")
				.param("ids", ids)
				.query((rs, n) -> {
					long blocker = rs.getLong(1);
					long blocked = rs.getLong(2);
					if (asked.contains(blocker)) {
						hidden.computeIfAbsent(blocker, k -> new HashSet<>()).add(blocked);
					}
					if (asked.contains(blocked)) {
						hidden.computeIfAbsent(blocked, k -> new HashSet<>()).add(blocker);
					}
					return null;
				})
				.list();
		return hidden;
	}
}
