package org.steadfast.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 30)
	private String name;

	@Column(nullable = false, length = 300)
	private String description = "";

	/** Recounted by statement (TagService.recount), never written back from this entity. */
	@Column(name = "topic_count", nullable = false, updatable = false)
	private int topicCount;

	protected Tag() {
	}

	Tag(String name) {
		this.name = name;
	}

	void rename(String name) {
		this.name = name;
	}

	void describe(String description) {
		this.description = description;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public int getTopicCount() {
		return topicCount;
	}
}
