package org.steadfast.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.moderation.ModerationService.CrisisConcernRaised;
import org.steadfast.notifications.Notice;
import org.steadfast.notifications.NotificationKind;
import org.steadfast.notifications.Notifier;

/**
 * When a member flags a post as a crisis concern, its author gets a private, kind word pointing
 * to the crisis resources, and the moderators hear that a crisis item waits at the top of their
 * queue. Neither says who flagged (no actor, no post). One word a day is enough for the author,
 * however many members worry at once; a moderator gets one until they have read it (concerns
 * about two different members at the same moment may give them two).
 */
@Component
class CrisisListener {

	static final String RESOURCES = "/help";

	static final String QUEUE = "/mod";

	private final JdbcClient jdbc;
	private final Notifier notifier;
	private final Clock clock;

	CrisisListener(JdbcClient jdbc, Notifier notifier, Clock clock) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CrisisConcernRaised event) {
		// Several members may worry about the same post at once, and listeners run in parallel:
		// holding the author's row makes the checks below see each other's notes, not race them.
		jdbc.sql("select id from member where id = ? for update").param(event.authorId()).query(Long.class).optional();
		LocalDateTime dayAgo = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
		boolean toldLately = jdbc.sql("""
				select count(*) from notification where member_id = ? and kind = 'CRISIS_CONCERN'
				  and (read_at is null or created_at > ?)""")
				.params(event.authorId(), dayAgo).query(Long.class).single() > 0;
		if (!toldLately) {
			notifier.notify(Notice.linked(event.authorId(), NotificationKind.CRISIS_CONCERN, null, RESOURCES));
		}
		for (long moderator : jdbc.sql("""
				select m.id from member m where m.role in ('MODERATOR', 'ADMIN') and m.id <> ?
				  and not exists (select 1 from notification n where n.member_id = m.id and n.kind = 'CRISIS_QUEUE'
				                  and n.read_at is null)""")
				.param(event.authorId()).query(Long.class).list()) {
			notifier.notify(Notice.linked(moderator, NotificationKind.CRISIS_QUEUE, null, QUEUE));
		}
	}
}
