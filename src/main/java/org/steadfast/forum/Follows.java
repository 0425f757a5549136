package org.steadfast.forum;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;

/**
 * Topics members follow. Starting or replying to a topic follows it (in the posting transaction);
 * a member can follow any topic they can read and unfollow at any time. Notifications and the
 * digest read the followers from here.
 */
@Service
public class Follows {

	private final JdbcClient jdbc;
	private final TopicRepository topics;
	private final Clock clock;

	Follows(JdbcClient jdbc, TopicRepository topics, Clock clock) {
		this.jdbc = jdbc;
		this.topics = topics;
		this.clock = clock;
	}

	@Transactional
	public void follow(long memberId, long topicId) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		if (!new Viewer(memberId, false).canRead(topic)) {
			throw Refusal.notFound();
		}
		add(memberId, topicId);
	}

	@Transactional
	public void unfollow(long memberId, long topicId) {
		jdbc.sql("delete from topic_follow where member_id = ? and topic_id = ?").params(memberId, topicId).update();
	}

	@Transactional(readOnly = true)
	public boolean isFollowing(long memberId, long topicId) {
		return jdbc.sql("select count(*) from topic_follow where member_id = ? and topic_id = ?")
				.params(memberId, topicId).query(Integer.class).single() > 0;
	}

	@Transactional(readOnly = true)
	public List<Long> followers(long topicId) {
		return jdbc.sql("select member_id from topic_follow where topic_id = ? order by member_id").param(topicId)
				.query(Long.class).list();
	}

	/** Called while posting: idempotent, so a second reply changes nothing. */
	void add(long memberId, long topicId) {
		jdbc.sql("insert ignore into topic_follow (member_id, topic_id, created_at) values (?, ?, ?)")
				.params(memberId, topicId, Utc.of(clock.instant())).update();
	}
}
