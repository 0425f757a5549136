package org.steadfast.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.text.Excerpts;

/** What moderators read: the queue, and a member's record. */
@Service
// Reads in auto-commit, without transaction-control round trips (see ForumQueries).
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class ModerationQueries {

	public record QueueItem(long id, long version, long postId, int number, long topicId, String slug, String title,
			String authorUsername, String html, String postStatus, boolean crisis, boolean held, String reasons,
			int flagCount, Instant createdAt, List<String> flagNotes) {

		public List<String> reasonList() {
			return reasons == null || reasons.isBlank() ? List.of() : List.of(reasons.split(","));
		}
	}

	public record PostRow(long postId, long topicId, String slug, String title, int number, String excerpt,
			String status, Instant createdAt) {
	}

	public record FlagRow(long postId, String reason, String note, Instant createdAt, String other) {
	}

	public record SanctionRow(String kind, String reason, Instant startsAt, Instant endsAt, boolean lifted,
			String moderator) {
	}

	public record NoteRow(String note, Instant createdAt, String author) {
	}

	private final JdbcClient jdbc;

	ModerationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open items: crisis first, then by number of flags, then oldest first. */
	public List<QueueItem> queue(int limit) {
		List<QueueItem> items = jdbc.sql("""
				select r.id, r.version, p.id as post_id, p.number, t.id as topic_id, t.slug, t.title, m.username, p.html,
				       p.status, r.crisis, r.held, r.reasons, r.flag_count, r.created_at
				from review_item r join post p on p.id = r.post_id join topic t on t.id = p.topic_id
				join member m on m.id = p.author_id
				where r.status = 'OPEN'
				order by r.crisis desc, r.flag_count desc, r.created_at asc, r.id asc limit ?""")
				.param(limit)
				.query((rs, n) -> new QueueItem(rs.getLong("id"), rs.getLong("version"), rs.getLong("post_id"),
						rs.getInt("number"), rs.getLong("topic_id"), rs.getString("slug"), rs.getString("title"),
						rs.getString("username"), rs.getString("html"), rs.getString("status"), rs.getBoolean("crisis"),
						rs.getBoolean("held"), rs.getString("reasons"), rs.getInt("flag_count"), at(rs, "created_at"),
						List.of()))
				.list();
		if (items.isEmpty()) {
			return items;
		}
		var notes = new HashMap<Long, List<String>>();
		jdbc.sql("select post_id, reason, note from flag where resolved = false and post_id in (:ids) order by id")
				.param("ids", items.stream().map(QueueItem::postId).toList())
				.query((ResultSet rs) -> {
					notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
							.add(rs.getString(2) + (rs.getString(3).isBlank() ? "" : ": " + rs.getString(3)));
				});
		return items.stream().map(i -> new QueueItem(i.id(), i.version(), i.postId(), i.number(), i.topicId(), i.slug(),
				i.title(), i.authorUsername(), i.html(), i.postStatus(), i.crisis(), i.held(), i.reasons(), i.flagCount(),
				i.createdAt(), notes.getOrDefault(i.postId(), List.of()))).toList();
	}

	public int openCount() {
		return jdbc.sql("select count(*) from review_item where status = 'OPEN'").query(Integer.class).single();
	}

	public List<PostRow> postsBy(long memberId) {
		return jdbc.sql("""
				select p.id, t.id, t.slug, t.title, p.number, p.plain_text, p.status, p.created_at
				from post p join topic t on t.id = p.topic_id where p.author_id = ? order by p.id desc limit 30""")
				.param(memberId)
				.query((rs, n) -> new PostRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						Excerpts.excerpt(rs.getString(6), 160), rs.getString(7), at(rs, "created_at")))
				.list();
	}

	public List<FlagRow> flagsMadeBy(long memberId) {
		return jdbc.sql("""
				select f.post_id, f.reason, f.note, f.created_at, m.username from flag f join post p on p.id = f.post_id
				join member m on m.id = p.author_id where f.member_id = ? order by f.id desc limit 50""")
				.param(memberId)
				.query((rs, n) -> new FlagRow(rs.getLong(1), rs.getString(2), rs.getString(3), at(rs, "created_at"),
						rs.getString(5)))
				.list();
	}

	public List<FlagRow> flagsReceivedBy(long memberId) {
		return jdbc.sql("""
				select f.post_id, f.reason, f.note, f.created_at, m.username from flag f join post p on p.id = f.post_id
				join member m on m.id = f.member_id where p.author_id = ? order by f.id desc limit 50""")
				.param(memberId)
				.query((rs, n) -> new FlagRow(rs.getLong(1), rs.getString(2), rs.getString(3), at(rs, "created_at"),
						rs.getString(5)))
				.list();
	}

	public List<SanctionRow> sanctionsOf(long memberId) {
		return jdbc.sql("""
				select s.kind, s.reason, s.starts_at, s.ends_at, s.lifted_at, m.username from sanction s
				join member m on m.id = s.created_by where s.member_id = ? order by s.id desc""")
				.param(memberId)
				.query((rs, n) -> new SanctionRow(rs.getString(1), rs.getString(2), at(rs, "starts_at"), at(rs, "ends_at"),
						rs.getObject(5) != null, rs.getString(6)))
				.list();
	}

	/**
	 * Whether someone raised a crisis concern about this member's posts lately. Only that fact is
	 * told to the member, never who raised it.
	 */
	public boolean crisisConcernFor(long memberId, Instant since) {
		return jdbc.sql("""
				select count(*) from flag f join post p on p.id = f.post_id
				where p.author_id = ? and f.reason = 'CRISIS' and f.created_at > ?""")
				.params(memberId, Utc.of(since)).query(Integer.class).single() > 0;
	}

	public List<NoteRow> notesOn(long memberId) {
		return jdbc.sql("""
				select n.note, n.created_at, m.username from member_note n join member m on m.id = n.author_id
				where n.member_id = ? order by n.id desc""")
				.param(memberId)
				.query((rs, n) -> new NoteRow(rs.getString(1), at(rs, "created_at"), rs.getString(3)))
				.list();
	}

	private static Instant at(ResultSet rs, String column) throws SQLException {
		return Utc.read(rs, column);
	}
}
