package org.steadfast.notifications.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberDirectory;
import org.steadfast.common.PrivateWrite;
import org.steadfast.forum.Follows;
import org.steadfast.forum.ForumActivity.PostFacts;
import org.steadfast.forum.ForumActivity.TopicFacts;
import org.steadfast.forum.ForumActivity;
import org.steadfast.forum.ForumEvents.PostCreated;
import org.steadfast.forum.ForumEvents.PostEdited;
import org.steadfast.forum.ForumEvents.PostPublished;
import org.steadfast.forum.ForumEvents.ReactionAdded;
import org.steadfast.forum.TopicKind;
import org.steadfast.moderation.Decision;
import org.steadfast.moderation.Flaggers;
import org.steadfast.moderation.ModerationService.Decided;
import org.steadfast.notifications.Notice;
import org.steadfast.notifications.NotificationKind;
import org.steadfast.notifications.Notifications;
import org.steadfast.notifications.Notifier;
import org.steadfast.plans.PlanEvents.MilestoneReached;
import org.steadfast.text.Markdown;

/**
 * Turns forum, plan and moderation events into notifications. As module listeners these run after
 * the causing transaction commits, each in its own, and are retried from the event registry if
 * the application stops first. Each member hears of a post once, by the most specific reason.
 */
@PrivateWrite
@Component
class ActivityListener {

	private final JdbcClient jdbc;
	private final ForumActivity forum;
	private final Follows follows;
	private final MemberDirectory directory;
	private final Flaggers flaggers;
	private final Notifier notifier;

	ActivityListener(JdbcClient jdbc, ForumActivity forum, Follows follows, MemberDirectory directory, Flaggers flaggers,
			Notifier notifier) {
		this.jdbc = jdbc;
		this.forum = forum;
		this.follows = follows;
		this.directory = directory;
		this.flaggers = flaggers;
		this.notifier = notifier;
	}

	/** The post, if it and its topic are visible (held posts and topics reach nobody). */
	private Optional<PostFacts> visible(long postId) {
		return forum.post(postId).filter(PostFacts::published);
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
		PostFacts post = forum.post(event.postId()).orElse(null);
		if (post == null || post.authorId() != event.editorId() || !post.published()) {
			return;
		}
		Set<String> named = new HashSet<>(Markdown.DEFAULT.mentions(post.source()));
		named.removeAll(Markdown.DEFAULT.mentions(forum.originalSource(event.postId())));
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
		forum.post(event.postId()).filter(post -> post.readableBy(event.postAuthorId())).ifPresent(post ->
				notifier.notify(Notice.about(event.postAuthorId(), NotificationKind.REACTION, event.memberId(),
						post.topicId(), event.postId()).withDetail(event.kind().name())));
	}

	@ApplicationModuleListener
	void on(MilestoneReached event) {
		TopicFacts topic = forum.topic(event.planTopicId()).orElse(null);
		if (topic == null) {
			return;
		}
		// The member's own words follow what their plan is for; followers read the neutral sentence,
		// which never tells them the plan's purpose.
		notifier.notify(new Notice(event.memberId(), NotificationKind.MILESTONE, event.memberId(), event.planTopicId(),
				null, null, event.days() + Notifications.PURPOSE_SEPARATOR + event.purpose().name()));
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
		PostFacts post = forum.post(event.postId()).orElse(null);
		if (post == null) {
			return;
		}
		Decision decision = event.decision();
		switch (decision) {
			case APPROVE, MOVE, LOCK -> notifier.notify(Notice.about(post.authorId(), NotificationKind.MODERATION,
					null, post.topicId(), event.postId()).withDetail(decision.name()));
			case HIDE, DELETE -> notifier.notify(Notice.linked(post.authorId(), NotificationKind.MODERATION, null,
					"/settings/moderation").withDetail(decision.name()));
			default -> {
			}
		}
		if (decision == Decision.HIDE || decision == Decision.DELETE || decision == Decision.DISMISS
				|| decision == Decision.APPROVE) {
			String outcome = decision == Decision.HIDE || decision == Decision.DELETE ? "REMOVED" : "KEPT";
			for (long flagger : flaggers.of(event.postId())) {
				notifier.notify(Notice.linked(flagger, NotificationKind.FLAG_DECIDED, null, "/notifications")
						.withDetail(outcome));
			}
		}
	}

	private List<Long> ids(Set<String> usernames) {
		return directory.idsOfUsernames(usernames);
	}
}
