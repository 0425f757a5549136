package org.steadfast.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.BlockClauses;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Links;
import org.steadfast.forum.ReactionKind;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.VisibleContent;
import org.steadfast.web.Pages;

/**
 * A member's notifications: the unread count for the bell, the page, marking read. What the
 * reader may no longer see (a topic made private, a hidden post, a member blocked since) is left
 * out of both the page and the count, inside the query.
 */
@Service
// Reads run without a transaction of their own (see ForumQueries); the writes below have one.
@PrivateWrite
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class Notifications {

	public static final int PAGE_SIZE = 30;

	/**
	 * The member's notifications they may still see, in one statement (the page and the bell each
	 * have one): the forum decides what of its topics and posts is still visible and accounts
	 * decide blocks, as SQL pieces applied here. The actor's public name is read with the row.
	 */
	private static final String VISIBLE = """
			from notification n
			left join member a on a.id = n.actor_id
			""" + VisibleContent.joinTopicAndPost("n.topic_id", "n.post_id") + """
			where n.member_id = :me
			  and """ + VisibleContent.stillVisible("n.topic_id", "n.post_id") + """

			  and (n.actor_id is null or (""" + BlockClauses.neitherBlocked(":me", "n.actor_id") + """
			))
			""";

	private static final String COLUMNS = """
			select n.id, n.kind, n.actor_count, n.detail, n.link, n.topic_id, n.post_id, n.created_at, n.read_at,
			       a.display_name as actor_name, """ + VisibleContent.TOPIC_COLUMNS + "\n";

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final Clock clock;

	Notifications(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** What every page's head and header need: discreet mode, and whether anything waits unread. */
	public record Header(boolean discreet, boolean anyUnread) {
	}

	/** One statement for both, so that discreet mode costs a page nothing. */
	public Header header(long memberId) {
		return jdbc.sql("""
				select (select discreet from mail_setting where member_id = :member),
				       exists (select 1 from notification where member_id = :member and read_at is null)""")
				.param("member", memberId)
				.query((rs, n) -> new Header(rs.getBoolean(1), rs.getBoolean(2))).single();
	}

	public int unreadCount(long memberId) {
		// Most pages are shown to someone with nothing unread: one look at the member's index says so,
		// without planning the joins that decide what they may still see.
		boolean any = jdbc.sql("select exists (select 1 from notification where member_id = ? and read_at is null)")
				.param(memberId).query(Boolean.class).single();
		return any ? unreadCountOfSome(memberId) : 0;
	}

	/** The unread count once it is known that something is unread. */
	public int unreadCountOfSome(long memberId) {
		return ForumQueries.bindViewer(jdbc.sql("select count(*) " + VISIBLE + " and n.read_at is null"),
				new Viewer(memberId, false)).query(Integer.class).single();
	}

	/** One page of notifications, newest first, and whether there is another page. */
	public record Page(List<NotificationView> items, int page, boolean hasNext) {
	}

	public Page page(long memberId, int page) {
		int p = Pages.clamp(page);
		List<NotificationView> rows = ForumQueries.bindViewer(jdbc.sql(COLUMNS + VISIBLE
				+ " order by n.created_at desc, n.id desc limit :limit offset :offset"),
				new Viewer(memberId, false))
				.param("limit", PAGE_SIZE + 1).param("offset", Pages.offset(p, PAGE_SIZE))
				.query(this::view).list();
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, p, hasNext);
	}

	/** The notification, if the member may still see it. */
	public Optional<NotificationView> find(long memberId, long id) {
		return ForumQueries.bindViewer(jdbc.sql(COLUMNS + VISIBLE + " and n.id = :id"), new Viewer(memberId, false))
				.param("id", id).query(this::view).optional();
	}

	@Transactional
	public void markRead(long memberId, long id) {
		jdbc.sql("update notification set read_at = ? where id = ? and member_id = ? and read_at is null")
				.params(now(), id, memberId).update();
	}

	@Transactional
	public int markAllRead(long memberId) {
		return jdbc.sql("update notification set read_at = ? where member_id = ? and read_at is null")
				.params(now(), memberId).update();
	}

	private LocalDateTime now() {
		return Utc.of(clock.instant());
	}

	private NotificationView view(ResultSet rs, int n) throws SQLException {
		NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
		Long topicId = rs.getObject("topic_id", Long.class);
		Long postId = rs.getObject("post_id", Long.class);
		String link = rs.getString("link");
		if (link == null) {
			link = postId != null ? Links.permalink(postId)
					: topicId != null && kind == NotificationKind.MILESTONE ? Links.plan(topicId)
					: topicId != null ? Links.topic(topicId) : "/notifications";
		}
		String message = message(kind, rs.getString("actor_name"), rs.getString("title"), rs.getInt("actor_count"),
				rs.getString("detail"));
		return new NotificationView(rs.getLong("id"), kind, message, link, Utc.read(rs, "created_at"),
				rs.getObject("read_at") != null);
	}

	/** Between a milestone's days and its plan's purpose in the member's own milestone notification. */
	public static final String PURPOSE_SEPARATOR = ":";

	/** The sentence for a notification; also the text of its mail. */
	public String message(NotificationKind kind, String actor, String title, int count, String detail) {
		String detailText = detail == null ? "" : detail;
		String key = "notification." + kind.name();
		if (kind == NotificationKind.REACTION) {
			detailText = ReactionKind.valueOf(detail).symbol() + " "
					+ messages.getMessage("notification.reaction." + detail, null, Locale.ENGLISH);
			key += count > 1 ? ".many" : ".one";
		}
		else if (kind == NotificationKind.MODERATION || kind == NotificationKind.FLAG_DECIDED) {
			key += "." + detailText;
		}
		else if (kind == NotificationKind.MILESTONE && detailText.contains(PURPOSE_SEPARATOR)) {
			key += "." + detailText.substring(detailText.indexOf(PURPOSE_SEPARATOR) + 1);
			detailText = detailText.substring(0, detailText.indexOf(PURPOSE_SEPARATOR));
		}
		return messages.getMessage(key, new Object[] { actor == null ? "" : actor, title == null ? "" : title, count,
				detailText }, Locale.ENGLISH);
	}
}
