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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A thread: its first post and replies. The counters that lists show (replies, last activity,
 * last poster) live here and change in the same transaction as the post that changes them.
 */
@Entity
@Table(name = "topic")
public class Topic {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_id", nullable = false)
	private Long categoryId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private TopicKind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Visibility visibility;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private ContentStatus status;

	@Column(nullable = false, length = 150)
	private String title;

	@Column(nullable = false, length = 80)
	private String slug;

	@Column(name = "author_id", nullable = false)
	private Long authorId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_posted_at", nullable = false)
	private Instant lastPostedAt;

	@Column(name = "last_poster_id", nullable = false)
	private Long lastPosterId;

	@Column(name = "reply_count", nullable = false)
	private int replyCount;

	@Column(nullable = false)
	private boolean pinned;

	@Column(nullable = false)
	private boolean locked;

	@Column(name = "helpful_post_id")
	private Long helpfulPostId;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "topic_tag", joinColumns = @JoinColumn(name = "topic_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new LinkedHashSet<>();

	@Version
	private long version;

	/** The opening post as just written, with what screening found; not stored. */
	@jakarta.persistence.Transient
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

	void retitle(String title) {
		this.title = title;
		this.slug = Slugs.slugify(title);
	}

	void setTags(Set<Tag> tags) {
		this.tags = tags;
	}

	void setHelpfulPostId(Long postId) {
		this.helpfulPostId = postId;
	}

	void setPinned(boolean pinned) {
		this.pinned = pinned;
	}

	void setLocked(boolean locked) {
		this.locked = locked;
	}

	void setStatus(ContentStatus status) {
		this.status = status;
	}

	void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	void setVisibility(Visibility visibility) {
		this.visibility = visibility;
	}

	void written(Post firstPost) {
		this.firstPost = firstPost;
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
}
