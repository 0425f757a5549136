package org.steadfast.moderation.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.search.HiddenAuthors;

/** Members who blocked the reader, or whom the reader blocked: search never shows their posts to each other. */
@Component
class BlockedAuthors implements HiddenAuthors {

	private final JdbcClient jdbc;

	BlockedAuthors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> hiddenFrom(long readerId) {
		return new HashSet<>(jdbc.sql("""
				select blocked_id from member_block where blocker_id = ?
				union select blocker_id from member_block where blocked_id = ?""")
				.params(readerId, readerId).query(Long.class).list());
	}
}
