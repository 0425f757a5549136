package org.steadfast.forum;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;

/** Remembers how far each member has read each topic, to mark new posts in lists. */
@Service
public class ReadState {

	private final JdbcClient jdbc;

	ReadState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One upsert; never moves the mark backwards when an older page is reopened. */
	@PrivateWrite
	@Transactional
	public void markRead(long memberId, long topicId, int upToNumber) {
		jdbc.sql("""
				insert into topic_read (member_id, topic_id, last_read_number) values (?, ?, ?)
				on duplicate key update last_read_number = greatest(last_read_number, values(last_read_number))""")
				.params(memberId, topicId, upToNumber)
				.update();
	}
}
