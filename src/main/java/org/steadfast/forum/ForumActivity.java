package org.steadfast.forum;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.BlockClauses;
import org.steadfast.common.Utc;

/**
 * What happened in the forum, as other modules need to hear of it: a post's facts for the members
 * it concerns, the new replies in the topics members follow, and the week's topics worth a look.
 * Visibility and blocks are applied here, inside each query; the batch reads are one statement
 * for any number of readers.
 */
@Service
// Reads need no transaction of their own (see ForumQueries); inside a caller's transaction they join it.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class ForumActivity {

	/** A post and its topic, as notifications decide who may hear of it. */
	public record PostFacts(long postId, long topicId, long authorId, ContentStatus status, String source,
			long topicAuthorId, TopicKind kind, Visibility visibility, ContentStatus topicStatus) {

		/** Whether the post and its topic are visible (held or hidden content reaches nobody). */
		public boolean published() {
			return status == ContentStatus.VISIBLE && topicStatus == ContentStatus.VISIBLE;
		}

		/** Whether the member may read the topic (outside a request, so without partner-only access). */
		public boolean readableBy(long memberId) {
			return new Viewer(memberId, false).canRead(topicAuthorId, visibility, topicStatus);
		}
	}

	/** A topic's author, kind and visibility. */
	public record TopicFacts(long topicId, long authorId, TopicKind kind, Visibility visibility, ContentStatus status) {

		public boolean readableBy(long memberId) {
			return new Viewer(memberId, false).canRead(authorId, visibility, status);
		}
	}

	/** New replies in one followed topic. */
	public record NewReplies(long topicId, String title, String slug, int replies) {
	}

	/** A topic offered to the community, with its author so each reader's own and blocked ones can be left out. */
	public record CommunityTopic(long id, String title, String slug, long authorId) {
	}

	private final JdbcClient jdbc;

	ForumActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PostFacts> post(long postId) {
		return jdbc.sql("""
				select p.topic_id, p.author_id, p.status, p.source, t.author_id as topic_author, t.kind, t.visibility,
				       t.status as topic_status
				from post p join topic t on t.id = p.topic_id where p.id = ?""")
				.param(postId)
				.query((rs, n) -> new PostFacts(postId, rs.getLong(1), rs.getLong(2), ContentStatus.valueOf(rs.getString(3)),
						rs.getString(4), rs.getLong(5), TopicKind.valueOf(rs.getString(6)), Visibility.valueOf(rs.getString(7)),
						ContentStatus.valueOf(rs.getString(8))))
				.optional();
	}

	public Optional<TopicFacts> topic(long topicId) {
		return jdbc.sql("select author_id, kind, visibility, status from topic where id = ?").param(topicId)
				.query((rs, n) -> new TopicFacts(topicId, rs.getLong(1), TopicKind.valueOf(rs.getString(2)),
						Visibility.valueOf(rs.getString(3)), ContentStatus.valueOf(rs.getString(4))))
				.optional();
	}

	/** The post's source as its author first wrote it (empty when it was never edited). */
	public String originalSource(long postId) {
		return jdbc.sql("select source from post_revision where post_id = ? order by created_at, id limit 1")
				.param(postId).query(String.class).optional().orElse("");
	}

	/**
	 * For each reader, the topics they follow with replies by others after the reader's own
	 * {@code since} and up to {@code until} that the reader may see now (visible posts in visible
	 * topics they may read, none by a member either of them blocked): the most answered first, at
	 * most {@code perReader}. Readers with nothing new are absent. One statement; the posts come
	 * from {@code ix_post_topic_created} alone (V11), only those since the earliest {@code since}.
	 */
	public Map<Long, List<NewReplies>> newRepliesInFollowedTopics(Map<Long, Instant> since, Instant until,
			int perReader) {
		Map<Long, List<NewReplies>> lines = new LinkedHashMap<>();
		if (since.isEmpty()) {
			return lines;
		}
		// Readers whose last digest went out in the same run share their "since": usually a few groups a batch.
		TreeMap<Instant, List<Long>> groups = new TreeMap<>();
		since.forEach((reader, from) -> groups.computeIfAbsent(from, k -> new ArrayList<>()).add(reader));
		StringBuilder after = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		int g = 0;
		for (var group : groups.entrySet()) {
			after.append(g == 0 ? "" : " or ").append("(f.member_id in (:r").append(g).append(") and p.created_at > :s")
					.append(g).append(')');
			params.put("r" + g, group.getValue());
			params.put("s" + g, Utc.of(group.getKey()));
			g++;
		}
		var statement = jdbc.sql("""
				select f.member_id, t.id, t.title, t.slug, count(*) as replies
				from topic_follow f
				join topic t on t.id = f.topic_id
				join post p on p.topic_id = t.id
				where f.member_id in (:ids)
				  and p.created_at > :earliest and p.created_at <= :until and (""" + after + """
				)
				  and p.author_id <> f.member_id and p.status = 'VISIBLE' and t.status = 'VISIBLE'
				  and """ + VisibleContent.topicVisibleTo("f.member_id", VisibleContent.NOBODY) + """

				  and """ + BlockClauses.neitherBlocked("f.member_id", "p.author_id") + """

				group by f.member_id, t.id, t.title, t.slug
				order by f.member_id, count(*) desc, t.id""")
				.param("ids", since.keySet())
				.param("earliest", Utc.of(groups.firstKey()))
				.param("until", Utc.of(until));
		for (var p : params.entrySet()) {
			statement = statement.param(p.getKey(), p.getValue());
		}
		statement.query((rs, n) -> {
			List<NewReplies> list = lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
			if (list.size() < perReader) {
				list.add(new NewReplies(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
			}
			return null;
		}).list();
		return lines;
	}

	/** The week's public advice threads where someone marked the reply that helped, most discussed first. */
	public List<CommunityTopic> helpfulAdvice(Instant now, int limit) {
		return jdbc.sql("""
				select t.id, t.title, t.slug, t.author_id from topic t join category c on c.id = t.category_id
				where c.advice = true and t.helpful_post_id is not null and t.status = 'VISIBLE' and t.visibility = 'PUBLIC'
				  and t.last_posted_at > ? and t.created_at <= ?
				order by t.reply_count desc, t.id desc limit ?""")
				.params(Utc.of(now.minus(Duration.ofDays(7))), Utc.of(now), limit)
				.query((rs, n) -> new CommunityTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
				.list();
	}

	/** Public discussions of the last three days nobody has answered yet, newest first. */
	public List<CommunityTopic> waitingForAnAnswer(Instant now, int limit) {
		return jdbc.sql("""
				select t.id, t.title, t.slug, t.author_id from topic t
				where t.status = 'VISIBLE' and t.visibility = 'PUBLIC' and t.kind = 'DISCUSSION' and t.reply_count = 0
				  and t.created_at > ? and t.created_at <= ?
				order by t.created_at desc, t.id desc limit ?""")
				.params(Utc.of(now.minus(Duration.ofDays(3))), Utc.of(now), limit)
				.query((rs, n) -> new CommunityTopic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
				.list();
	}
}
