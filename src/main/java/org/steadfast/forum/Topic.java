package org.steadfast.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.persistence.OneToMany;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.ObjectStructure;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.steadfast.common.Refusal;

/**
 * A thread: its first post and replies. The counters that lists show (replies, last activity,
 * last poster) live here and change in the same transaction as the post that changes them.
 * <p>
 * Indexed for search with its posts nested inside (see {@link ForumIndex}); hidden and deleted
 * topics are left out of the index.
 */
@Entity
@Table(name = "topic")
@Indexed(index = ForumIndex.TOPICS, routingBinder = @RoutingBinderRef(type = ForumIndex.PublishedOnly.class))
public class Topic {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_id", nullable = false)
	@GenericField(name = ForumIndex.CATEGORY, aggregable = Aggregable.YES)
	private Long categoryId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	@KeywordField(name = ForumIndex.KIND, aggregable = Aggregable.YES)
	private TopicKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	@KeywordField(name = ForumIndex.VISIBILITY)
	private Visibility visibility;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	@KeywordField(name = ForumIndex.STATUS)
	private ContentStatus status;

	@Column(nullable = false, length = 150)
	@FullTextField(name = ForumIndex.TITLE, analyzer = ForumIndex.ENGLISH, highlightable = Highlightable.PLAIN)
	private String title;

	@Column(nullable = false, length = 80)
	private String slug;

	@Column(name = "author_id", nullable = false)
	@GenericField(name = ForumIndex.AUTHOR)
	private Long authorId;

	@Column(name = "created_at", nullable = false)
	@GenericField(name = ForumIndex.CREATED, sortable = Sortable.YES)
	private Instant createdAt;

	// The counters are set when the topic is written and then moved by one atomic statement per
	// reply (TopicService): an edit or a moderator's change of this entity must not write back the
	// values it read before a concurrent reply.
	@Column(name = "last_posted_at", nullable = false, updatable = false)
	private Instant lastPostedAt;

	@Column(name = "last_poster_id", nullable = false, updatable = false)
	private Long lastPosterId;

	@Column(name = "reply_count", nullable = false, updatable = false)
	private int replyCount;

	@Column(nullable = false)
	private boolean pinned;

	@Column(nullable = false)
	private boolean locked;

	@Column(name = "helpful_post_id")
	private Long helpfulPostId;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "topic_tag", joinColumns = @JoinColumn(name = "topic_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
	@BatchSize(size = 50)
	// A renamed or merged tag changes many topics by bulk statements; TagService announces those
	// topics (ForumEvents.TopicsChanged) instead of Hibernate Search tracking every tag.
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
	private Set<Tag> tags = new LinkedHashSet<>();

	/** Read for the search index only; posts are written through PostRepository. */
	@OneToMany(mappedBy = "topic", fetch = FetchType.LAZY)
	@BatchSize(size = 50)
	private Set<Post> posts = new LinkedHashSet<>();

	@Version
	private long version;

	/** The opening post as just written, with what screening found; not stored. */
	@Transient
	private Post firstPost;

	protected Topic() {
	}

	Topic(Long categoryId, TopicKind kind, Visibility visibility, String title, Long authorId, Instant now) {
		this.categoryId = categoryId;
		this.kind = kind;
		this.visibility = visibility;
		this.status = ContentStatus.VISIBLE;
		this.title = title;
		this.slug = Slugs.slugify(title);
		this.authorId = authorId;
		this.createdAt = now;
		this.lastPostedAt = now;
		this.lastPosterId = authorId;
	}

	void addPost(Post post) {
		posts.add(post);
	}

	/** Tagged when it is started; a tag's later rename or merge changes the rows in bulk (TagService). */
	void tagWith(Collection<Tag> tags) {
		this.tags = new LinkedHashSet<>(tags);
	}

	/** Screening held the opening post: the topic waits with it for a moderator. */
	void holdForReview() {
		this.status = ContentStatus.PENDING;
	}

	void written(Post firstPost) {
		this.firstPost = firstPost;
	}

	/** A locked topic takes replies and edits from staff only. */
	void acceptWrite(boolean staff) {
		if (locked && !staff) {
			throw new Refusal(Refusal.Reason.LOCKED, null, "topic.locked");
		}
	}

	/** A new title from an edit of the opening post; the slug follows it. */
	void retitle(String title) {
		this.title = title;
		this.slug = Slugs.slugify(title);
	}

	/** Only the topic's author marks a helpful reply, and only in an advice category. */
	void checkHelpfulMarker(long memberId, Category category) {
		if (!Objects.equals(authorId, memberId)) {
			throw Refusal.forbidden("helpful.onlyAuthor");
		}
		if (!category.isAdvice()) {
			throw Refusal.forbidden("helpful.onlyAdvice");
		}
	}

	/** The visible reply that helped, or none (null) to clear the mark. */
	void markHelpful(Post reply) {
		if (reply != null && (!reply.getTopicId().equals(id) || reply.getNumber() == 1
				|| reply.getStatus() != ContentStatus.VISIBLE)) {
			throw Refusal.invalid(null, "helpful.invalid");
		}
		this.helpfulPostId = reply == null ? null : reply.getId();
	}

	/** A deleted post no longer counts as the one that helped. */
	void postDeleted(Post post) {
		if (Objects.equals(helpfulPostId, post.getId())) {
			this.helpfulPostId = null;
		}
	}

	/** The author of a plan chooses who may read it, at any time; answers whether that changed. */
	boolean changeVisibility(long memberId, Visibility visibility) {
		if (!Objects.equals(authorId, memberId) || kind != TopicKind.PLAN) {
			throw Refusal.forbidden("post.notYours");
		}
		if (this.visibility == visibility) {
			return false;
		}
		showTo(visibility);
		return true;
	}

	/** Who may read the topic from now on (the rule of who may choose is {@link #changeVisibility}'s). */
	void showTo(Visibility visibility) {
		this.visibility = visibility;
	}

	/** A moderator's decision on the opening post carries the topic with it. */
	void followFirstPost(ContentStatus status) {
		this.status = status;
	}

	void pin() {
		this.pinned = true;
	}

	void unpin() {
		this.pinned = false;
	}

	void lock() {
		this.locked = true;
	}

	void unlock() {
		this.locked = false;
	}

	void moveTo(Category category) {
		this.categoryId = category.getId();
	}

	/** The opening post, on a topic just started (null on topics loaded later). */
	public Post getFirstPost() {
		return firstPost;
	}

	public Long getId() {
		return id;
	}

	public Long getCategoryId() {
		return categoryId;
	}

	public TopicKind getKind() {
		return kind;
	}

	public Visibility getVisibility() {
		return visibility;
	}

	public ContentStatus getStatus() {
		return status;
	}

	public String getTitle() {
		return title;
	}

	public String getSlug() {
		return slug;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getLastPostedAt() {
		return lastPostedAt;
	}

	public Long getLastPosterId() {
		return lastPosterId;
	}

	public int getReplyCount() {
		return replyCount;
	}

	public boolean isPinned() {
		return pinned;
	}

	public boolean isLocked() {
		return locked;
	}

	public Long getHelpfulPostId() {
		return helpfulPostId;
	}

	public Set<Tag> getTags() {
		return tags;
	}

	@KeywordField(name = ForumIndex.TAGS)
	@FullTextField(name = ForumIndex.TAG_TEXT, analyzer = ForumIndex.ENGLISH)
	@IndexingDependency(derivedFrom = @ObjectPath({ @PropertyValue(propertyName = "tags"), @PropertyValue(propertyName = "name") }))
	List<String> getTagNames() {
		return tags.stream().map(Tag::getName).sorted().toList();
	}

	@GenericField(name = ForumIndex.TAG_IDS, aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "tags")))
	List<Long> getTagIds() {
		return tags.stream().map(Tag::getId).sorted().toList();
	}

	/** The title's and tags' words, unstemmed, for the vocabulary that spelling suggestions come from. */
	@FullTextField(name = ForumIndex.VOCABULARY, analyzer = ForumIndex.WORDS)
	@IndexingDependency(derivedFrom = {
			@ObjectPath(@PropertyValue(propertyName = "title")),
			@ObjectPath({ @PropertyValue(propertyName = "tags"), @PropertyValue(propertyName = "name") }) })
	String getVocabulary() {
		return title + " " + String.join(" ", getTagNames());
	}

	/** The posts a search may match, as nested objects; hidden and deleted posts are not indexed. */
	@IndexedEmbedded(name = ForumIndex.POSTS, structure = ObjectStructure.NESTED)
	@IndexingDependency(derivedFrom = {
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "plainText") }),
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "status") }),
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "authorId") }) })
	List<SearchablePost> getSearchablePosts() {
		return posts.stream().filter(p -> ForumIndex.indexed(p.getStatus()))
				.map(p -> new SearchablePost(p.getPlainText(), p.getAuthorId(), p.getStatus()))
				.toList();
	}

	/**
	 * The text of every visible post, one value per post, for matching a topic by its posts
	 * without joining its nested post documents (the join scores every matching post of every
	 * topic). Pending posts are left out: only their authors may find them, through the nested
	 * posts. Values are kept apart by the analyzer's position gap, so a phrase cannot span two posts.
	 */
	@FullTextField(name = ForumIndex.POST_TEXTS, analyzer = ForumIndex.ENGLISH)
	@FullTextField(name = ForumIndex.POST_PAIRS, analyzer = ForumIndex.ENGLISH_PAIRS)
	@IndexingDependency(derivedFrom = {
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "plainText") }),
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "status") }) })
	List<String> getVisiblePostTexts() {
		return posts.stream().filter(p -> p.getStatus() == ContentStatus.VISIBLE).map(Post::getPlainText).toList();
	}

	/**
	 * The latest visible post, for sorting and date filters. Derived from the posts rather than
	 * {@link #lastPostedAt}, which replies move with a bulk update the index would not see.
	 */
	@GenericField(name = ForumIndex.LAST_ACTIVITY, sortable = Sortable.YES, aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = {
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "createdAt") }),
			@ObjectPath({ @PropertyValue(propertyName = "posts"), @PropertyValue(propertyName = "status") }),
			@ObjectPath(@PropertyValue(propertyName = "createdAt")) })
	Instant getLastActivity() {
		return posts.stream().filter(p -> p.getStatus() == ContentStatus.VISIBLE).map(Post::getCreatedAt)
				.max(Comparator.naturalOrder()).orElse(createdAt);
	}

	/** A post as the topic's search document holds it: what to match, and who may see it. */
	static final class SearchablePost {

		@FullTextField(name = ForumIndex.TEXT, analyzer = ForumIndex.ENGLISH)
		private final String text;

		@GenericField(name = ForumIndex.AUTHOR)
		private final Long authorId;

		@KeywordField(name = ForumIndex.STATUS)
		private final ContentStatus status;

		SearchablePost(String text, Long authorId, ContentStatus status) {
			this.text = text;
			this.authorId = authorId;
			this.status = status;
		}
	}
}
