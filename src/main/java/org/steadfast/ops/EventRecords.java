package org.steadfast.ops;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The event registry's finished records (Spring Modulith keeps them, with the event serialized):
 * some events name a member, so an erased member's must go with them.
 */
@Service
public class EventRecords {

	private final JdbcClient jdbc;

	EventRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Deletes the completed publications whose serialized event contains {@code text}; returns how many. */
	public int forgetCompletedMentioning(String text) {
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("delete from event_publication where completion_date is not null and serialized_event like ?")
				.param(like).update()
				+ jdbc.sql("delete from event_publication_archive where serialized_event like ?").param(like).update();
	}
}
