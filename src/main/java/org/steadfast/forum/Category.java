package org.steadfast.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "category")
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 60)
	private String slug;

	@Column(nullable = false, length = 60)
	private String name;

	@Column(nullable = false, length = 300)
	private String description;

	@Column(nullable = false)
	private int position;

	/** In advice categories the author can mark the reply that helped. */
	@Column(nullable = false)
	private boolean advice;

	/** Archived categories keep their topics readable but take no new ones. */
	@Column(nullable = false)
	private boolean archived;

	/** Counted by one atomic statement per topic (TopicService), never written from this entity. */
	@Column(name = "topic_count", nullable = false, insertable = false, updatable = false)
	private int topicCount;

	@Version
	private long version;

	protected Category() {
	}

	Category(String slug, String name, String description, int position, boolean advice) {
		this.slug = slug;
		this.name = name;
		this.description = description;
		this.position = position;
		this.advice = advice;
	}

	void update(String name, String description, boolean advice) {
		this.name = name;
		this.description = description;
		this.advice = advice;
	}

	void setPosition(int position) {
		this.position = position;
	}

	void setArchived(boolean archived) {
		this.archived = archived;
	}

	public Long getId() {
		return id;
	}

	public String getSlug() {
		return slug;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public int getPosition() {
		return position;
	}

	public boolean isAdvice() {
		return advice;
	}

	public boolean isArchived() {
		return archived;
	}

	public int getTopicCount() {
		return topicCount;
	}
}
