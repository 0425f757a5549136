package org.steadfast.notifications.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.Follows;
import org.steadfast.forum.ForumEvents.PostCreated;
import org.steadfast.forum.ForumEvents.PostEdited;
import org.steadfast.forum.ForumEvents.PostPublished;
import org.steadfast.forum.ForumEvents.ReactionAdded;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.Visibility;
import org.steadfast.moderation.Decision;
import org.steadfast.moderation.ModerationService.Decided;
import org.steadfast.notifications.Notice;
import org.steadfast.notifications.NotificationKind;
import org.steadfast.notifications.Notifier;
import org.steadfast.plans.PlanEvents.MilestoneReached;
import org.steadfast.text.Markdown;

/**
 * Turns forum, plan and moderation events into notifications. As module listeners these run after
 * the causing transaction commits, each in its own, and are retried from the event registry if
 * the application stops first. Each member hears of a post once, by the most specific reason.
 */
@Component
class ActivityListener {

	private final JdbcClient jdbc;
	private final Follows follows;
	private final Notifier notifier;

	ActivityListener(JdbcClient jdbc, Follows follows, Notifier notifier) {
		this.jdbc = jdbc;
		this.follows = follows;
		this.notifier = notifier;
	}

	private record PostFacts(long authorId, ContentStatus status, String source, long topicAuthorId, TopicKind kind,
			Visibility visibility, ContentStatus topicStatus) {

		boolean readableBy(long memberId) {
			return new Viewer(memberId, false).canRead(topicAuthorId, visibility, topicStatus);
		}
	}

	/** The post, if it and its topic are visible (held posts and topics reach nobody). */
	private java.util.Optional<PostFacts> visible(long postId) {
		return facts(postId).filter(post -> post.status() == ContentStatus.VISIBLE
				&& post.topicStatus() == ContentStatus.VISIBLE);
	}

	/** Members the post quotes, then those it mentions, each once, in the order they are named. */
	private Map<Long, NotificationKind> named(PostFacts post) {
		Map<Long, NotificationKind> reasons = new LinkedHashMap<>();
		ids(Markdown.quotedNames(post.source())).forEach(id -> reasons.putIfAbsent(id, NotificationKind.QUOTE));
		ids(Markdown.DEFAULT.mentions(post.source())).forEach(id -> reasons.putIfAbsent(id, NotificationKind.MENTION));
		return reasons;
	}

	@ApplicationModuleListener
	void on(PostCreated event) {
		// A held post reaches nobody until a moderator approves it.
		PostFacts post = visible(event.postId()).orElse(null);
		if (post == null) {
			return;
		}
		Map<Long, NotificationKind> reasons = named(post);
		if (event.number() > 1) {
			if (post.kind() == TopicKind.PLAN) {
				reasons.putIfAbsent(post.topicAuthorId(), NotificationKind.PLAN_REPLY);
			}
			follows.followers(event.topicId()).forEach(id -> reasons.putIfAbsent(id, NotificationKind.REPLY));
		}
		reasons.remove(event.authorId());
		reasons.forEach((memberId, kind) -> {
			if (post.readableBy(memberId)) {
				notifier.notify(Notice.about(memberId, kind, event.authorId(), event.topicId(), event.postId()));
			}
		});
	}

	/**
	 * An author's edit that names someone new tells them, as a mention: new means neither named
	 * when the post was written (they heard then, or chose not to) nor told of a mention in this
	 * post since, so repeated edits, and this listener retried, tell nobody twice. A moderator's
	 * edit mentions nobody on the author's behalf.
	 */
	@ApplicationModuleListener
	void on(PostEdited event) {
		PostFacts post = facts(event.postId()).orElse(null);
		if (post == null || post.authorId() != event.editorId() || post.status() != ContentStatus.VISIBLE
				|| post.topicStatus() != ContentStatus.VISIBLE) {
			return;
		}
		Set<String> named = new java.util.HashSet<>(Markdown.DEFAULT.mentions(post.source()));
		String original = jdbc.sql("select source from post_revision where post_id = ? order by created_at, id limit 1")
				.param(event.postId()).query(String.class).optional().orElse("");
		named.removeAll(Markdown.DEFAULT.mentions(original));
		List<Long> told = jdbc.sql("select member_id from notification where post_id = ? and kind in ('MENTION', 'QUOTE')")
				.param(event.postId()).query(Long.class).list();
		for (long memberId : ids(named)) {
			if (memberId != post.authorId() && !told.contains(memberId) && post.readableBy(memberId)) {
				notifier.notify(Notice.about(memberId, NotificationKind.MENTION, post.authorId(), event.topicId(),
						event.postId()));
			}
		}
	}

	/**
	 * A held post approved: whoever it mentions or quotes hears of it now, as they would have when
	 * it was written. Anyone already told of a mention or quote in this post (an earlier approval,
	 * an edit, this listener retried) is not told again.
	 */
	@ApplicationModuleListener
	void on(PostPublished event) {
		PostFacts post = visible(event.postId()).orElse(null);
		if (post == null) {
			return;
		}
		Map<Long, NotificationKind> reasons = named(post);
		reasons.remove(post.authorId());
		List<Long> told = jdbc.sql("select member_id from notification where post_id = ? and kind in ('MENTION', 'QUOTE')")
				.param(event.postId()).query(Long.class).list();
		reasons.forEach((memberId, kind) -> {
			if (!told.contains(memberId) && post.readableBy(memberId)) {
				notifier.notify(Notice.about(memberId, kind, post.authorId(), event.topicId(), event.postId()));
			}
		});
	}

	@ApplicationModuleListener
	void on(ReactionAdded event) {
		facts(event.postId()).filter(post -> post.readableBy(event.postAuthorId())).ifPresent(post ->
				notifier.notify(Notice.about(event.postAuthorId(), NotificationKind.REACTION, event.memberId(),
						topicOf(event.postId()), event.postId()).withDetail(event.kind().name())));
	}

	@ApplicationModuleListener
	void on(MilestoneReached event) {
		var topic = jdbc.sql("select author_id, visibility, status from topic where id = ?").param(event.planTopicId())
				.query((rs, n) -> new PostFacts(0, ContentStatus.VISIBLE, "", rs.getLong(1), TopicKind.PLAN,
						Visibility.valueOf(rs.getString(2)), ContentStatus.valueOf(rs.getString(3))))
				.optional().orElse(null);
		if (topic == null) {
			return;
		}
		notifier.notify(new Notice(event.memberId(), NotificationKind.MILESTONE, event.memberId(), event.planTopicId(),
				null, null, String.valueOf(event.days())));
		for (long follower : follows.followers(event.planTopicId())) {
			if (follower != event.memberId() && topic.readableBy(follower)) {
				notifier.notify(new Notice(follower, NotificationKind.MILESTONE, event.memberId(), event.planTopicId(),
						null, null, String.valueOf(event.days())));
			}
		}
	}

	/** The author hears what happened to their post; members who flagged it hear that it was looked at. */
	@ApplicationModuleListener
	void on(Decided event) {
		var post = facts(event.postId()).orElse(null);
		if (post == null) {
			return;
		}
		Decision decision = event.decision();
		switch (decision) {
			case APPROVE, MOVE, LOCK -> notifier.notify(Notice.about(post.authorId(), NotificationKind.MODERATION,
					null, topicOf(event.postId()), event.postId()).withDetail(decision.name()));
			case HIDE, DELETE -> notifier.notify(Notice.linked(post.authorId(), NotificationKind.MODERATION, null,
					"/settings/moderation").withDetail(decision.name()));
			default -> {
			}
		}
		if (decision == Decision.HIDE || decision == Decision.DELETE || decision == Decision.DISMISS
				|| decision == Decision.APPROVE) {
			String outcome = decision == Decision.HIDE || decision == Decision.DELETE ? "REMOVED" : "KEPT";
			for (long flagger : jdbc.sql("select member_id from flag where post_id = ?").param(event.postId())
					.query(Long.class).list()) {
				notifier.notify(Notice.linked(flagger, NotificationKind.FLAG_DECIDED, null, "/notifications")
						.withDetail(outcome));
			}
		}
	}

	private java.util.Optional<PostFacts> facts(long postId) {
		return jdbc.sql("""
				select p.author_id, p.status, p.source, t.author_id as topic_author, t.kind, t.visibility, t.status as topic_status
				from post p join topic t on t.id = p.topic_id where p.id = ?""")
				.param(postId)
				.query((rs, n) -> new PostFacts(rs.getLong(1), ContentStatus.valueOf(rs.getString(2)), rs.getString(3),
						rs.getLong(4), TopicKind.valueOf(rs.getString(5)), Visibility.valueOf(rs.getString(6)),
						ContentStatus.valueOf(rs.getString(7))))
				.optional();
	}

	private Long topicOf(long postId) {
		return jdbc.sql("select topic_id from post where id = ?").param(postId).query(Long.class).single();
	}

	private List<Long> ids(Set<String> usernames) {
		if (usernames.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from member where username_key in (:keys)").param("keys", usernames)
				.query(Long.class).list();
	}
}
