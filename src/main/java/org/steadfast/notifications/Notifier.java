package org.steadfast.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Blocks;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Utc;
import org.steadfast.notifications.NotificationKind.Channel;
import org.steadfast.notifications.internal.Mailer;

/**
 * The one way into notifications, for this module's listeners and for any other module: tell a
 * member something. It applies the member's preference for the kind, drops anything caused by a
 * member either of them blocked, gathers reactions to one post into a single unread row, and
 * writes the mail (when the member wants this kind by email) in the same transaction.
 */
@PrivateWrite
@Service
public class Notifier {

	private final JdbcClient jdbc;
	private final Preferences preferences;
	private final Blocks blocks;
	private final Notifications notifications;
	private final Mailer mailer;
	private final Clock clock;

	Notifier(JdbcClient jdbc, Preferences preferences, Blocks blocks, Notifications notifications,
			Mailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.blocks = blocks;
		this.notifications = notifications;
		this.mailer = mailer;
		this.clock = clock;
	}

	/** @return whether the member was notified (false when they turned the kind off, or blocks apply) */
	@Transactional
	public boolean notify(Notice notice) {
		long to = notice.recipientId();
		if (notice.actorId() != null && notice.actorId() == to && notice.kind() != NotificationKind.MILESTONE) {
			return false;
		}
		Channel channel = preferences.channel(to, notice.kind());
		if (channel == Channel.OFF) {
			return false;
		}
		if (notice.actorId() != null && notice.actorId() != to && blocks.eitherWay(to, notice.actorId())) {
			return false;
		}
		LocalDateTime now = Utc.of(clock.instant());
		String group = notice.kind() == NotificationKind.REACTION && notice.postId() != null
				? "reaction:" + notice.postId() + ":" + notice.detail() : null;
		long id;
		int grouped = group == null ? 0 : jdbc.sql("""
				update notification set actor_count = actor_count + 1, actor_id = ?, created_at = ?
				where member_id = ? and group_key = ? and read_at is null""")
				.params(notice.actorId(), now, to, group).update();
		if (grouped == 0) {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into notification (member_id, kind, actor_id, topic_id, post_id, link, detail, group_key,
					    actor_count, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
					.params(to, notice.kind().name(), notice.actorId(), notice.topicId(), notice.postId(), notice.link(),
							notice.detail(), group, now)
					.update(keys, "id");
			id = keys.getKey().longValue();
		}
		else {
			id = jdbc.sql("select max(id) from notification where member_id = ? and group_key = ? and read_at is null")
					.params(to, group).query(Long.class).single();
		}
		if (channel == Channel.EMAIL) {
			mail(to, id, notice.kind());
		}
		return true;
	}

	private void mail(long to, long id, NotificationKind kind) {
		notifications.find(to, id).ifPresent(view -> mailer.recipient(to).ifPresent(recipient -> mailer.send(recipient,
				"NOTIFICATION", "notification", "mail.notification.subject", "mail.notification.subjectDiscreet",
				new Object[] { view.message() }, Map.of("message", view.message(), "link", mailer.link(view.link()),
						"urgent", kind == NotificationKind.PARTNER_SOS),
				null, null)));
	}
}
