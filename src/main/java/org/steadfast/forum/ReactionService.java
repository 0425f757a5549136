package org.steadfast.forum;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Blocks;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumEvents.ReactionAdded;

/** Toggles a member's reaction on a post: one of each kind per member and post, never on one's own. */
@Service
public class ReactionService {

	private final PostRepository posts;
	private final TopicRepository topics;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final List<PostGuard> guards;
	private final Blocks blocks;

	ReactionService(PostRepository posts, TopicRepository topics, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock, List<PostGuard> guards, Blocks blocks) {
		this.blocks = blocks;
		this.posts = posts;
		this.topics = topics;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.guards = guards;
	}

	/** Adds the reaction, or takes it back if it was there. Returns whether it is now on. */
	@Transactional
	public boolean toggle(long postId, long memberId, ReactionKind kind) {
		Post post = posts.findById(postId).orElseThrow(Refusal::notFound);
		Topic topic = topics.findById(post.getTopicId()).orElseThrow(Refusal::notFound);
		if (!Viewer.member(memberId, false).canRead(topic) || post.getStatus() != ContentStatus.VISIBLE) {
			throw Refusal.notFound();
		}
		guards.forEach(g -> g.checkCanWrite(memberId));
		if (Objects.equals(post.getAuthorId(), memberId)) {
			throw Refusal.forbidden("reaction.own");
		}
		if (blocks.eitherWay(memberId, post.getAuthorId())) {
			throw Refusal.forbidden("reaction.blocked");
		}
		int removed = jdbc.sql("delete from reaction where post_id = ? and member_id = ? and kind = ?")
				.params(postId, memberId, kind.name()).update();
		if (removed > 0) {
			return false;
		}
		jdbc.sql("insert ignore into reaction (post_id, member_id, kind, created_at) values (?, ?, ?, ?)")
				.params(postId, memberId, kind.name(), Utc.of(clock.instant())).update();
		events.publishEvent(new ReactionAdded(postId, post.getAuthorId(), memberId, kind));
		return true;
	}
}
