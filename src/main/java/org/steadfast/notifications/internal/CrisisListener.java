package org.steadfast.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberDirectory;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Utc;
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
@PrivateWrite
@Component
class CrisisListener {

	static final String RESOURCES = "/help";

	static final String QUEUE = "/mod";

	private final JdbcClient jdbc;
	private final MemberDirectory directory;
	private final Notifier notifier;
	private final Clock clock;

	CrisisListener(JdbcClient jdbc, MemberDirectory directory, Notifier notifier, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.notifier = notifier;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CrisisConcernRaised event) {
		// Several members may worry about the same post at once, and listeners run in parallel:
		// holding the author's row makes the checks below see each other's notes, not race them.
		directory.holdUntilCommit(event.authorId());
		boolean toldLately = jdbc.sql("""
				select count(*) from notification where member_id = ? and kind = 'CRISIS_CONCERN'
				  and (read_at is null or created_at > ?)""")
				.params(event.authorId(), Utc.of(clock.instant().minus(Duration.ofDays(1)))).query(Long.class).single() > 0;
		if (!toldLately) {
			notifier.notify(Notice.linked(event.authorId(), NotificationKind.CRISIS_CONCERN, null, RESOURCES));
		}
		for (long moderator : moderatorsNotYetTold(event.authorId())) {
			notifier.notify(Notice.linked(moderator, NotificationKind.CRISIS_QUEUE, null, QUEUE));
		}
	}

	/** Moderators and administrators but the author, leaving out those with an unread word about the queue. */
	private List<Long> moderatorsNotYetTold(long authorId) {
		List<Long> staff = directory.staffIds().stream().filter(id -> id != authorId).toList();
		if (staff.isEmpty()) {
			return staff;
		}
		Set<Long> told = new HashSet<>(jdbc.sql("""
				select member_id from notification where member_id in (:staff) and kind = 'CRISIS_QUEUE' and read_at is null""")
				.param("staff", staff).query(Long.class).list());
		return staff.stream().filter(id -> !told.contains(id)).toList();
	}
}
