package org.steadfast.moderation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who flagged a post, so that they can hear what became of it (never shown to anyone else). */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class Flaggers {

	private final JdbcClient jdbc;

	Flaggers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The members who flagged the post, once per flag. */
	public List<Long> of(long postId) {
		return jdbc.sql("select member_id from flag where post_id = ?").param(postId).query(Long.class).list();
	}
}
