package org.steadfast.forum;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.text.PlainText;

/** Tags: created on first use, described, renamed and merged by moderators. */
@Service
public class TagService {

	private final TagRepository tags;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	TagService(TagRepository tags, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.tags = tags;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The tags with these (already normalised) names, creating the missing ones. */
	@Transactional
	public List<Tag> findOrCreate(List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		// Each tag row is locked exclusively at once (a new tag by its insert, an existing one by the
		// duplicate-key update), in name order: topics sharing tags then queue for them one after
		// another instead of deadlocking, which sharing the rows first (INSERT IGNORE, the topic_tag
		// key check) and locking them later for the recount did. Two topics introducing the same new
		// tag at once both get the one row.
		for (String name : new TreeSet<>(names)) {
			jdbc.sql("insert into tag (name, description, topic_count) values (?, '', 0) on duplicate key update name = name")
					.param(name).update();
		}
		List<Tag> found = tags.findByNameIn(names);
		return names.stream().map(n -> found.stream().filter(t -> t.getName().equals(n)).findFirst().orElseThrow()).toList();
	}

	/** Counts only topics everyone signed in may see, so a count never reveals a private plan. */
	@Transactional
	public void recount(Collection<Long> tagIds) {
		if (tagIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update tag set topic_count = (
				  select count(*) from topic_tag tt join topic t on t.id = tt.topic_id
				  where tt.tag_id = tag.id and t.status = 'VISIBLE' and t.visibility in ('PUBLIC', 'MEMBERS'))
				where id in (:ids)""").param("ids", tagIds).update();
	}

	@Transactional
	public void describe(long actorId, String name, String description) {
		String text = PlainText.normalize(description);
		if (PlainText.length(text) > 300 || PlainText.hasForbiddenCharacters(text)) {
			throw Refusal.invalid("description", "tags.descriptionInvalid");
		}
		Tag tag = tags.findByName(name).orElseThrow(Refusal::notFound);
		String before = tag.getDescription();
		tag.describe(text);
		events.publishEvent(new ForumEvents.StaffAction(actorId, "tag.describe", "TAG", tag.getId(), null, before, text));
	}

	/** Renames a tag; renaming onto an existing tag merges the two. */
	@Transactional
	public String rename(long actorId, String from, String typedTo) {
		TagNames.Result to = TagNames.normalize(typedTo);
		if (!to.ok()) {
			throw Refusal.invalid("newName", to.error());
		}
		Tag source = tags.findByName(from).orElseThrow(Refusal::notFound);
		if (source.getName().equals(to.name())) {
			return to.name();
		}
		var existing = tags.findByName(to.name());
		events.publishEvent(new ForumEvents.StaffAction(actorId, existing.isPresent() ? "tag.merge" : "tag.rename", "TAG",
				source.getId(), null, source.getName(), to.name()));
		if (existing.isPresent()) {
			merge(source, existing.get());
		}
		else {
			source.rename(to.name());
			events.publishEvent(new ForumEvents.TopicsChanged(topicsTagged(source.getId())));
		}
		return to.name();
	}

	@Transactional
	public void merge(long actorId, String from, String into) {
		Tag source = tags.findByName(from).orElseThrow(Refusal::notFound);
		Tag target = tags.findByName(into).orElseThrow(() -> Refusal.invalid("into", "tags.unknown"));
		if (!source.getId().equals(target.getId())) {
			events.publishEvent(new ForumEvents.StaffAction(actorId, "tag.merge", "TAG", source.getId(), null,
					source.getName(), target.getName()));
			merge(source, target);
		}
	}

	private void merge(Tag source, Tag target) {
		tags.flush();
		List<Long> retagged = topicsTagged(source.getId());
		jdbc.sql("""
				insert into topic_tag (topic_id, tag_id)
				select tt.topic_id, :target from topic_tag tt
				where tt.tag_id = :source and not exists (
				  select 1 from topic_tag x where x.topic_id = tt.topic_id and x.tag_id = :target)""")
				.param("target", target.getId()).param("source", source.getId()).update();
		jdbc.sql("delete from topic_tag where tag_id = ?").param(source.getId()).update();
		if (target.getDescription().isBlank() && !source.getDescription().isBlank()) {
			target.describe(source.getDescription());
		}
		tags.delete(source);
		tags.flush();
		recount(List.of(target.getId()));
		events.publishEvent(new ForumEvents.TopicsChanged(retagged));
	}

	private List<Long> topicsTagged(long tagId) {
		return jdbc.sql("select topic_id from topic_tag where tag_id = ?").param(tagId).query(Long.class).list();
	}
}
