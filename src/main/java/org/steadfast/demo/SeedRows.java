package org.steadfast.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.Role;
import org.steadfast.common.Utc;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.ReactionKind;
import org.steadfast.forum.Slugs;
import org.steadfast.forum.TagService;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;

/**
 * Writes forum rows straight into the tables with JDBC batches, for the demo community and the
 * load benchmark's data set: services would rightly refuse a burst of back-dated posts without
 * form tokens. The caller keeps the counters the services maintain (reply counts, last activity);
 * category and tag counts are moved here, tag counts by {@link TagService} itself.
 * <p>
 * Rows carry either an id for each (written as given: the benchmark numbers its rows to link them
 * without reading keys back) or none (the database assigns them and they are returned in order).
 */
@Component
public class SeedRows {

	private static final int BATCH = 1_000;

	public record Member(Long id, String username, String email, String passwordHash, String displayName,
			String timeZone, Role role, Instant createdAt, boolean emailVerified) {
	}

	public record Tag(Long id, String name, String description) {
	}

	/** A visible, unpinned, unlocked topic; the slug comes from the title. */
	public record Topic(Long id, long categoryId, TopicKind kind, Visibility visibility, String title, long authorId,
			Instant createdAt, Instant lastPostedAt, long lastPosterId, int replyCount, Long helpfulPostId) {
	}

	/** A visible post, its body rendered and hashed as TopicService would. */
	public record Post(Long id, long topicId, int number, long authorId, String source, String html, String plainText,
			String bodyHash, Instant createdAt) {
	}

	public record TopicTag(long topicId, long tagId) {
	}

	public record Reaction(long postId, long memberId, ReactionKind kind, Instant createdAt) {
	}

	private final JdbcTemplate jdbc;
	private final TagService tags;

	SeedRows(JdbcTemplate jdbc, TagService tags) {
		this.jdbc = jdbc;
		this.tags = tags;
	}

	/** @return the members' ids, in the rows' order */
	public List<Long> members(List<Member> rows) {
		return insert("member", "username, username_key, email, email_key, password_hash, display_name, time_zone, role, "
				+ "created_at, email_verified", rows, Member::id,
				m -> new Object[] { m.username(), key(m.username()), m.email(), key(m.email()), m.passwordHash(),
						m.displayName(), m.timeZone(), m.role().name(), Utc.of(m.createdAt()), m.emailVerified() });
	}

	/** @return the tags' ids, in the rows' order; every new tag starts at a count of 0 */
	public List<Long> tags(List<Tag> rows) {
		return insert("tag", "name, description, topic_count", rows, Tag::id,
				t -> new Object[] { t.name(), t.description(), 0 });
	}

	/** @return the topics' ids, in the rows' order */
	public List<Long> topics(List<Topic> rows) {
		return insert("topic", "category_id, kind, visibility, status, title, slug, author_id, created_at, last_posted_at, "
				+ "last_poster_id, reply_count, pinned, locked, helpful_post_id", rows, Topic::id,
				t -> new Object[] { t.categoryId(), t.kind().name(), t.visibility().name(), ContentStatus.VISIBLE.name(),
						t.title(), Slugs.slugify(t.title()), t.authorId(), Utc.of(t.createdAt()), Utc.of(t.lastPostedAt()),
						t.lastPosterId(), t.replyCount(), false, false, t.helpfulPostId() });
	}

	/** @return the posts' ids, in the rows' order */
	public List<Long> posts(List<Post> rows) {
		return insert("post", "topic_id, number, author_id, source, html, plain_text, body_hash, status, created_at", rows,
				Post::id, p -> new Object[] { p.topicId(), p.number(), p.authorId(), p.source(), p.html(), p.plainText(),
						p.bodyHash(), ContentStatus.VISIBLE.name(), Utc.of(p.createdAt()) });
	}

	public void topicTags(List<TopicTag> rows) {
		batch("insert into topic_tag (topic_id, tag_id) values (?, ?)",
				rows.stream().map(t -> new Object[] { t.topicId(), t.tagId() }).toList());
	}

	public void reactions(List<Reaction> rows) {
		batch("insert into reaction (post_id, member_id, kind, created_at) values (?, ?, ?, ?)",
				rows.stream().map(r -> new Object[] { r.postId(), r.memberId(), r.kind().name(), Utc.of(r.createdAt()) })
						.toList());
	}

	/** Marks a reply of each topic as the helpful one: post id by topic id. */
	public void helpfulPosts(Map<Long, Long> postByTopic) {
		batch("update topic set helpful_post_id = ? where id = ?",
				postByTopic.entrySet().stream().map(e -> new Object[] { e.getValue(), e.getKey() }).toList());
	}

	/** Category counts go up by the topics started in each (count by category id), as Category.topicAdded does. */
	public void categoryTopicsAdded(Map<Long, Integer> added) {
		// The version moves too, so that an admin form opened before seeding cannot overwrite the new count.
		batch("update category set topic_count = topic_count + ?, version = version + 1 where id = ?",
				added.entrySet().stream().map(e -> new Object[] { e.getValue(), e.getKey() }).toList());
	}

	/** Tag counts as the forum keeps them, once the topics and their tags are written. */
	public void recountTags(Collection<Long> tagIds) {
		tags.recount(List.copyOf(tagIds));
	}

	/** The id after the highest one of a table, for rows numbered by their writer. */
	public long nextId(String table) {
		return jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
	}

	private <R> List<Long> insert(String table, String columns, List<R> rows, Function<R, Long> id,
			Function<R, Object[]> values) {
		if (rows.isEmpty()) {
			return List.of();
		}
		int count = columns.split(",").length;
		if (id.apply(rows.get(0)) != null) {
			List<Object[]> withIds = new ArrayList<>(rows.size());
			for (R row : rows) {
				Object[] v = values.apply(row);
				Object[] all = new Object[v.length + 1];
				all[0] = id.apply(row);
				System.arraycopy(v, 0, all, 1, v.length);
				withIds.add(all);
			}
			batch("insert into " + table + " (id, " + columns + ") values (?" + ", ?".repeat(count) + ")", withIds);
			return rows.stream().map(id).toList();
		}
		String sql = "insert into " + table + " (" + columns + ") values (?" + ", ?".repeat(count - 1) + ")";
		List<Long> ids = new ArrayList<>(rows.size());
		for (int from = 0; from < rows.size(); from += BATCH) {
			ids.addAll(insertReturningIds(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
					.map(values).toList()));
		}
		return ids;
	}

	/** Batch inserts one row per entry and returns the generated ids in the same order. */
	private List<Long> insertReturningIds(String sql, List<Object[]> rows) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] { "id" }), new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Object[] row = rows.get(i);
				for (int c = 0; c < row.length; c++) {
					StatementCreatorUtils.setParameterValue(ps, c + 1, SqlTypeValue.TYPE_UNKNOWN, row[c]);
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		}, keys);
		List<Map<String, Object>> generated = keys.getKeyList();
		if (generated.size() != rows.size()) {
			throw new IllegalStateException(
					"Expected " + rows.size() + " generated ids but the driver returned " + generated.size());
		}
		// Drivers name the key column differently (id, ID, GENERATED_KEY), but each row holds only that one.
		return generated.stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}


	/** The lower-cased lookup key, as accounts keeps it for case-insensitive uniqueness. */
	private static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}
}
