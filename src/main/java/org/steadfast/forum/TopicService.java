package org.steadfast.forum;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberRepository;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumEvents.PostCreated;
import org.steadfast.forum.ForumEvents.PostDeleted;
import org.steadfast.forum.ForumEvents.PostEdited;
import org.steadfast.forum.ForumEvents.PostScreened;
import org.steadfast.forum.ForumEvents.TopicStarted;
import org.steadfast.text.Markdown;
import org.steadfast.text.PlainText;
import org.steadfast.text.RenderedText;

/**
 * Starting topics, replying, editing and deleting posts, as members write them (staff actions are
 * {@link TopicModeration}'s). Every rule (length, visibility, locks, limits, one-time form tokens)
 * is enforced here or by the {@link Topic} itself, so no form or caller can skip one.
 */
@Service
public class TopicService {

	private final TopicRepository topics;
	private final PostRepository posts;
	private final PostRevisionRepository revisions;
	private final CategoryRepository categories;
	private final TagService tags;
	private final MemberRepository members;
	private final FormTokens formTokens;
	private final ForumProperties limits;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final List<PostGuard> guards;
	private final Follows follows;
	private final EntityManager entityManager;

	TopicService(TopicRepository topics, PostRepository posts, PostRevisionRepository revisions,
			CategoryRepository categories, TagService tags, MemberRepository members, FormTokens formTokens,
			ForumProperties limits, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			List<PostGuard> guards, Follows follows, EntityManager entityManager) {
		this.follows = follows;
		this.entityManager = entityManager;
		this.topics = topics;
		this.posts = posts;
		this.revisions = revisions;
		this.categories = categories;
		this.tags = tags;
		this.members = members;
		this.formTokens = formTokens;
		this.limits = limits;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.guards = guards;
	}

	/**
	 * The author removes one earlier version of their own post: its text is gone from the
	 * database (search never indexed it). Anyone else, staff included, is told it does not exist.
	 */
	@Transactional
	public void deleteRevision(long postId, long revisionId, long memberId) {
		Post post = posts.findById(postId).orElseThrow(Refusal::notFound);
		if (!Objects.equals(post.getAuthorId(), memberId) || post.getStatus() == ContentStatus.DELETED) {
			throw Refusal.notFound();
		}
		int removed = jdbc.sql("delete from post_revision where id = ? and post_id = ?")
				.params(revisionId, postId).update();
		if (removed == 0) {
			throw Refusal.notFound();
		}
		events.publishEvent(new ForumEvents.RevisionDeleted(postId, revisionId, memberId));
	}

	/** A topic as a member (or another module, for plans) asks to start it. */
	public record NewTopic(long categoryId, String title, String body, List<String> tagNames, TopicKind kind,
			Visibility visibility) {

		public static NewTopic discussion(long categoryId, String title, String body, List<String> tagNames) {
			return new NewTopic(categoryId, title, body, tagNames, TopicKind.DISCUSSION, Visibility.PUBLIC);
		}
	}

	/**
	 * Locks are taken in one order by every write (the author's posting claim, then the category,
	 * then the topic), so two writes never wait for each other in a circle; a transient deadlock
	 * or lock timeout all the same is retried ({@link RetriedWhenBusy}).
	 */
	@RetriedWhenBusy
	@Transactional
	public Topic startTopic(long authorId, NewTopic request, String formToken) {
		String title = PlainText.normalize(request.title());
		PostingRules.checkTitle(title).ifPresent(key -> {
			throw Refusal.invalid("title", key);
		});
		String body = PostingRules.normalizeBody(request.body());
		PostingRules.checkBody(body).ifPresent(key -> {
			throw Refusal.invalid("body", key);
		});
		if (request.tagNames().size() > TagNames.MAX_TAGS) {
			throw Refusal.invalid("tags", "tags.tooMany");
		}
		Category category = categories.findById(request.categoryId())
				.orElseThrow(() -> Refusal.invalid("categoryId", "category.unknown"));
		if (category.isArchived()) {
			throw Refusal.invalid("categoryId", "category.archived");
		}
		claimPosting(authorId);
		// Read once the claim is held, so the time is never before the posts this one waited for.
		Instant now = clock.instant();
		checkToken(formToken, authorId);
		// A member has one active plan at a time, and its posts are their own log: no rate limits there.
		if (request.kind() != TopicKind.PLAN) {
			checkLimits(authorId, body, now);
		}

		PostGuard.Screening screening = screen(authorId, title, body);
		// Counted by one statement that locks the category row before the topic's insert checks its
		// key (a shared lock): concurrent topics in one category queue here instead of deadlocking.
		jdbc.sql("update category set topic_count = topic_count + 1 where id = ?").param(category.getId()).update();
		Topic topic = new Topic(category.getId(), request.kind(), request.visibility(), title, authorId, now);
		topic.tagWith(tags.findOrCreate(request.tagNames()));
		if (screening.hold()) {
			topic.holdForReview();
		}
		topics.save(topic);
		Post first = posts.save(new Post(topic, 1, authorId, screening.body(), render(screening.body()),
				now));
		afterScreening(first, topic, screening);
		follows.add(authorId, topic.getId());
		topic.written(first);
		recordToken(formToken, authorId, first.getId(), now);
		topics.flush();
		tags.recount(topic.getTags().stream().map(Tag::getId).toList());
		events.publishEvent(new TopicStarted(topic.getId(), authorId, topic.getKind(), topic.getVisibility()));
		events.publishEvent(new PostCreated(first.getId(), topic.getId(), authorId, 1, topic.getKind()));
		return topic;
	}

	/** Renders a post with its {@code @username} mentions linked, for members who exist. */
	private RenderedText render(String body) {
		return Markdown.DEFAULT.render(body, names -> names.isEmpty() ? Set.of()
				: Set.copyOf(jdbc.sql("select username_key from member where username_key in (:keys)")
						.param("keys", names).query(String.class).list()));
	}

	@RetriedWhenBusy
	@Transactional
	public Post reply(long topicId, long authorId, boolean staff, String text, String formToken) {
		String body = PostingRules.normalizeBody(text);
		PostingRules.checkBody(body).ifPresent(key -> {
			throw Refusal.invalid("body", key);
		});
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		Viewer viewer = Viewer.member(authorId, staff);
		if (!viewer.canRead(topic)) {
			throw Refusal.notFound();
		}
		topic.acceptWrite(staff);
		claimPosting(authorId);
		Instant now = clock.instant();
		// Read after the claim: a deletion committed while this reply waited is seen.
		if (firstPostDeleted(topicId)) {
			throw new Refusal(Refusal.Reason.LOCKED, null, "topic.firstPostDeleted");
		}
		checkToken(formToken, authorId);
		if (!(topic.getKind() == TopicKind.PLAN && topic.getAuthorId().equals(authorId))) {
			checkLimits(authorId, body, now);
		}

		PostGuard.Screening screening = screen(authorId, null, body);
		// The counter update locks the topic row until commit, so concurrent replies take their
		// numbers one after another; it works alike on H2, MySQL and MariaDB.
		jdbc.sql("update topic set reply_count = reply_count + 1, last_posted_at = ?, last_poster_id = ? where id = ?")
				.params(Utc.of(now), authorId, topicId).update();
		int replies = jdbc.sql("select reply_count from topic where id = ?").param(topicId).query(Integer.class).single();
		Post post = posts.save(new Post(topic, replies + 1, authorId, screening.body(),
				render(screening.body()), now));
		afterScreening(post, topic, screening);
		follows.add(authorId, topicId);
		recordToken(formToken, authorId, post.getId(), now);
		events.publishEvent(new PostCreated(post.getId(), topic.getId(), authorId, post.getNumber(), topic.getKind()));
		return post;
	}

	/**
	 * Edits a post (and the title, for the first post). {@code expectedVersion} is the version the
	 * editor started from: if someone changed the post meanwhile, the edit is refused as a conflict.
	 */
	@RetriedWhenBusy
	@Transactional
	public Post edit(long postId, long editorId, boolean staff, String title, String text, long expectedVersion) {
		Post post = lockedPost(postId);
		Topic topic = topics.findById(post.getTopicId()).orElseThrow(Refusal::notFound);
		Viewer viewer = new Viewer(editorId, staff);
		if (!viewer.canRead(topic) || post.getStatus() == ContentStatus.DELETED) {
			throw Refusal.notFound();
		}
		if (!Objects.equals(post.getAuthorId(), editorId) && !staff) {
			throw Refusal.forbidden("post.notYours");
		}
		topic.acceptWrite(staff);
		String body = PostingRules.normalizeBody(text);
		PostingRules.checkBody(body).ifPresent(key -> {
			throw Refusal.invalid("body", key);
		});
		String newTitle = null;
		if (post.getNumber() == 1 && title != null) {
			newTitle = PlainText.normalize(title);
			String t = newTitle;
			PostingRules.checkTitle(t).ifPresent(key -> {
				throw Refusal.invalid("title", key);
			});
		}
		if (post.getVersion() != expectedVersion) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "post.conflict");
		}
		PostGuard.Screening screening = screen(editorId, newTitle, body);
		Instant now = clock.instant();
		revisions.save(new PostRevision(post, editorId, now));
		post.edit(screening.body(), render(screening.body()), now);
		if (screening.hold() && post.getStatus() == ContentStatus.VISIBLE) {
			post.setStatus(ContentStatus.PENDING);
		}
		afterScreening(post, topic, screening);
		if (newTitle != null && !newTitle.equals(topic.getTitle())) {
			topic.retitle(newTitle);
		}
		posts.flush();
		events.publishEvent(new PostEdited(post.getId(), topic.getId(), editorId));
		return post;
	}

	/**
	 * Rewrites a post its author owns without a conflict check, for text another module generates
	 * (a plan's first post, a check-in edited the same day).
	 */
	@RetriedWhenBusy
	@Transactional
	public Post revise(long postId, long authorId, String title, String text) {
		return edit(postId, authorId, false, title, text, lockedPost(postId).getVersion());
	}

	/**
	 * The post, locked and read again as last committed: simultaneous edits of one post then see
	 * each other's version, so all but the first are told of the conflict instead of failing.
	 */
	private Post lockedPost(long postId) {
		Post post = posts.findById(postId).orElseThrow(Refusal::notFound);
		entityManager.refresh(post, LockModeType.PESSIMISTIC_WRITE);
		return post;
	}

	/**
	 * The author's posting claim: a row per member, locked until this transaction ends, so that
	 * one member's simultaneous posts are checked against the limits one after another (each sees
	 * the posts committed before it). {@code on duplicate key update} takes the row lock at once,
	 * without first sharing it, so waiting writers cannot deadlock on it.
	 */
	private void claimPosting(long memberId) {
		var now = Utc.of(clock.instant());
		jdbc.sql("insert into posting_claim (member_id, claimed_at) values (?, ?) on duplicate key update claimed_at = ?")
				.params(memberId, now, now).update();
	}

	private boolean firstPostDeleted(long topicId) {
		return jdbc.sql("select status from post where topic_id = ? and number = 1").param(topicId).query(String.class)
				.optional().map(status -> ContentStatus.DELETED.name().equals(status)).orElse(false);
	}

	/** Soft delete by the author: the post becomes a placeholder so the thread still reads. */
	@RetriedWhenBusy
	@Transactional
	public Post delete(long postId, long memberId, boolean staff) {
		Post post = lockedPost(postId);
		Topic topic = topics.findById(post.getTopicId()).orElseThrow(Refusal::notFound);
		if (!Viewer.member(memberId, staff).canRead(topic) || post.getStatus() == ContentStatus.DELETED) {
			throw Refusal.notFound();
		}
		if (!Objects.equals(post.getAuthorId(), memberId) && !staff) {
			throw Refusal.forbidden("post.notYours");
		}
		post.setStatus(ContentStatus.DELETED);
		topic.postDeleted(post);
		events.publishEvent(new PostDeleted(post.getId(), topic.getId(), memberId));
		return post;
	}

	/** In advice categories, the topic's author marks the reply that helped (or clears it with null). */
	@Transactional
	public void markHelpful(long topicId, long memberId, Long postId) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		if (!new Viewer(memberId, false).canRead(topic)) {
			throw Refusal.notFound();
		}
		topic.checkHelpfulMarker(memberId, categories.findById(topic.getCategoryId()).orElseThrow());
		topic.markHelpful(postId == null ? null : posts.findById(postId).orElseThrow(Refusal::notFound));
	}

	/** Every guard checks the writer and the text; the first that changes the body passes it on. */
	private PostGuard.Screening screen(long authorId, String title, String body) {
		PostGuard.Screening result = PostGuard.Screening.pass(body);
		for (PostGuard guard : guards) {
			guard.checkCanWrite(authorId);
			PostGuard.Screening s = guard.screen(authorId, title, result.body());
			var reasons = new TreeSet<>(result.reasons());
			reasons.addAll(s.reasons());
			result = new PostGuard.Screening(s.body(), result.hold() || s.hold(), reasons, result.crisis() || s.crisis());
		}
		return result;
	}

	private void afterScreening(Post post, Topic topic, PostGuard.Screening screening) {
		if (screening.hold()) {
			post.setStatus(ContentStatus.PENDING);
		}
		post.screened(screening);
		if (screening.needsReview()) {
			posts.flush();
			events.publishEvent(new PostScreened(post.getId(), topic.getId(), post.getAuthorId(),
					screening.reasons(), screening.hold(), screening.crisis()));
		}
	}

	/** Whether a member may write now; for writes outside this service (reactions, flags). */
	public void checkCanWrite(long memberId) {
		guards.forEach(g -> g.checkCanWrite(memberId));
	}

	/** The post that a used form token created, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> postForToken(String formToken) {
		if (formToken == null) {
			return Optional.empty();
		}
		return jdbc.sql("select post_id from used_form_token where token_hash = ?")
				.param(FormTokens.hash(formToken)).query(Long.class).optional();
	}

	private void checkToken(String formToken, long memberId) {
		if (!formTokens.isValid(formToken, memberId)) {
			throw Refusal.invalid(null, "form.expired");
		}
		postForToken(formToken).ifPresent(id -> {
			throw new AlreadyPostedException(id);
		});
	}

	private void recordToken(String formToken, long memberId, long postId, Instant now) {
		jdbc.sql("insert into used_form_token (token_hash, member_id, post_id, created_at) values (?, ?, ?, ?)")
				.params(FormTokens.hash(formToken), memberId, postId, Utc.of(now))
				.update();
	}

	private void checkLimits(long authorId, String body, Instant now) {
		var last = posts.lastPostedAt(authorId);
		if (last.isPresent() && last.get().isAfter(now.minus(limits.getMinTimeBetweenPosts()))) {
			throw new Refusal(Refusal.Reason.TOO_FAST, null, "posting.tooFast");
		}
		if (posts.existsByAuthorIdAndBodyHashAndCreatedAtAfter(authorId, PostingRules.bodyHash(body),
				now.minus(limits.getDuplicateWindow()))) {
			throw Refusal.invalid("body", "posting.duplicate");
		}
		var joined = members.findById(authorId).orElseThrow().getCreatedAt();
		if (joined.isAfter(now.minus(limits.getNewMemberAge()))
				&& posts.countByAuthorIdAndCreatedAtAfter(authorId, now.minus(Duration.ofDays(1))) >= limits
						.getNewMemberDailyCap()) {
			throw new Refusal(Refusal.Reason.TOO_FAST, null, "posting.dailyCap");
		}
	}

	/** The author of a plan chooses who may read it, and may change that at any time. */
	@Transactional
	public void changeVisibility(long topicId, long authorId, Visibility visibility) {
		Topic topic = topics.findById(topicId).orElseThrow(Refusal::notFound);
		if (topic.changeVisibility(authorId, visibility)) {
			topics.flush();
			tags.recount(topic.getTags().stream().map(Tag::getId).toList());
		}
	}
}
