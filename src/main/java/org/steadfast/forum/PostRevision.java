package org.steadfast.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The text a post had before an edit, kept so that edits stay accountable. */
@Entity
@Table(name = "post_revision")
public class PostRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "post_id", nullable = false)
	private Long postId;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String source;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String html;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "editor_id", nullable = false)
	private Long editorId;

	protected PostRevision() {
	}

	PostRevision(Post before, Long editorId, Instant now) {
		this.postId = before.getId();
		this.source = before.getSource();
		this.html = before.getHtml();
		this.createdAt = now;
		this.editorId = editorId;
	}
}
