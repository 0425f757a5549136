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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.steadfast.text.RenderedText;

/**
 * One message in a topic. Stores its Markdown source and the HTML rendered from it at write time.
 * Indexed for search by its plain text (never the HTML), from which result snippets are cut;
 * hidden and deleted posts are left out of the index.
 */
@Entity
@Table(name = "post")
@Indexed(index = ForumIndex.POSTS_INDEX, routingBinder = @RoutingBinderRef(type = ForumIndex.PublishedOnly.class))
public class Post {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "topic_id", nullable = false)
	@GenericField(name = ForumIndex.TOPIC, projectable = Projectable.YES)
	private Long topicId;

	/** The same column as {@link #topicId}: lets a changed post find the topic document that nests it. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "topic_id", insertable = false, updatable = false)
	private Topic topic;

	@Column(nullable = false)
	@GenericField(name = ForumIndex.NUMBER, projectable = Projectable.YES)
	private int number;

	@Column(name = "author_id", nullable = false)
	@GenericField(name = ForumIndex.AUTHOR)
	private Long authorId;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String source;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String html;

	@Column(name = "plain_text", nullable = false, columnDefinition = "mediumtext")
	@FullTextField(name = ForumIndex.TEXT, analyzer = ForumIndex.ENGLISH, highlightable = Highlightable.PLAIN)
	@FullTextField(name = ForumIndex.VOCABULARY, analyzer = ForumIndex.WORDS)
	private String plainText;

	@Column(name = "body_hash", nullable = false, length = 64)
	private String bodyHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	@KeywordField(name = ForumIndex.STATUS)
	private ContentStatus status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Column(name = "edit_count", nullable = false)
	private int editCount;

	@Version
	private long version;

	/** What screening found in this write, so the page can tell the author at once. Not stored. */
	@Transient
	private boolean crisis;

	@Transient
	private Set<String> heldFor = Set.of();

	protected Post() {
	}

	Post(Topic topic, int number, Long authorId, String source, RenderedText rendered, Instant now) {
		this.topicId = topic.getId();
		this.topic = topic;
		this.number = number;
		this.authorId = authorId;
		this.source = source;
		this.html = rendered.html();
		this.plainText = rendered.plainText();
		this.bodyHash = PostingRules.bodyHash(source);
		this.status = ContentStatus.VISIBLE;
		this.createdAt = now;
		// The topic's search document nests its posts and is built from this collection at commit.
		topic.addPost(this);
	}

	void edit(String source, RenderedText rendered, Instant now) {
		this.source = source;
		this.html = rendered.html();
		this.plainText = rendered.plainText();
		this.bodyHash = PostingRules.bodyHash(source);
		this.editedAt = now;
		this.editCount++;
	}

	void setStatus(ContentStatus status) {
		this.status = status;
	}

	public Long getId() {
		return id;
	}

	public Long getTopicId() {
		return topicId;
	}

	public int getNumber() {
		return number;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public String getSource() {
		return source;
	}

	public String getHtml() {
		return html;
	}

	public String getPlainText() {
		return plainText;
	}

	public ContentStatus getStatus() {
		return status;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getEditedAt() {
		return editedAt;
	}

	public int getEditCount() {
		return editCount;
	}

	void screened(PostGuard.Screening screening) {
		this.crisis = screening.crisis();
		this.heldFor = screening.hold() ? screening.reasons() : Set.of();
	}

	public boolean isCrisis() {
		return crisis;
	}

	/** Why this write waits for a moderator (e.g. "personal-info"); empty when it doesn't. */
	public Set<String> getHeldFor() {
		return heldFor;
	}

	public long getVersion() {
		return version;
	}
}
