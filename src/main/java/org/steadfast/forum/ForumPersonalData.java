package org.steadfast.forum;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;
import org.steadfast.common.Batches;

/**
 * Topics, posts and their revisions, reactions, follows and read markers. A leaving member's posts
 * go, except the public ones they chose to keep, which move to the former member. A topic they
 * started that others answered stays readable under the former member, its opening post emptied
 * when it goes. The search index is told in the same transaction (these are bulk statements,
 * which Hibernate Search cannot see).
 */
@Component
class ForumPersonalData implements PersonalData {

	static final String REMOVED_TITLE = "A topic from a former member";

	private final JdbcClient jdbc;
	private final EntityManager entityManager;

	ForumPersonalData(JdbcClient jdbc, EntityManager entityManager) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public void export(long memberId, ExportWriter out) throws IOException {
		out.batches("topics", jdbc, "select id, category_id, kind, visibility, status, title, created_at from topic "
				+ "where author_id = ? and id > ? order by id limit ?", memberId);
		out.batches("posts", jdbc, "select id, topic_id, number, status, source, created_at, edited_at from post "
				+ "where author_id = ? and id > ? order by id limit ?", memberId);
		out.batches("post-revisions", jdbc, "select r.id, r.post_id, r.source, r.created_at from post_revision r "
				+ "where r.editor_id = ? and r.id > ? order by r.id limit ?", memberId);
		out.kind("reactions", jdbc, "select post_id, kind, created_at from reaction where member_id = ? "
				+ "order by created_at", memberId);
		out.kind("follows", jdbc, "select topic_id, created_at from topic_follow where member_id = ? order by created_at",
				memberId);
		out.kind("drafts", jdbc, "select place, form_fields, updated_at from draft where member_id = ? order by updated_at",
				memberId);
	}

	@Override
	public void erase(Leaving member) {
		long id = member.memberId();
		long former = member.formerMemberId();
		boolean keepPublic = member.mode() == Erasure.KEEP_PUBLIC_POSTS;
		jdbc.sql("delete from draft where member_id = ?").param(id).update();
		String kept = keepPublic ? " and not (p.status = 'VISIBLE' and exists (select 1 from topic k where k.id = p.topic_id "
				+ "and k.visibility = 'PUBLIC' and k.kind = 'DISCUSSION' and k.status = 'VISIBLE'))" : "";
		List<Long> goingPosts = jdbc.sql("select p.id from post p where p.author_id = ?" + kept).param(id)
				.query(Long.class).list();
		List<Long> keptPosts = jdbc.sql("select p.id from post p where p.author_id = ? and p.id not in "
				+ "(select p.id from post p where p.author_id = ?" + kept + ")").params(id, id).query(Long.class).list();
		List<Long> topics = jdbc.sql("select id from topic where author_id = ?").param(id).query(Long.class).list();
		// Topics of theirs that someone else wrote in stay; the others go whole.
		List<Long> answered = topics.isEmpty() ? List.of() : jdbc.sql("select distinct topic_id from post "
				+ "where topic_id in (:topics) and author_id <> :member").param("topics", topics).param("member", id)
				.query(Long.class).list();
		// Topics of theirs with a post that stays (someone else's, or a public one they keep) stay.
		List<Long> keptIn = keptPosts.isEmpty() ? List.of() : jdbc.sql("select distinct topic_id from post where id in (:ids)")
				.param("ids", keptPosts).query(Long.class).list();
		List<Long> staying = topics.stream().filter(t -> answered.contains(t) || keptIn.contains(t)).toList();
		List<Long> goingTopics = topics.stream().filter(t -> !staying.contains(t)).toList();
		// Topic documents nest their posts: the topics the member wrote in are indexed again afterwards.
		List<Long> wroteIn = jdbc.sql("select distinct topic_id from post where author_id = ?").param(id)
				.query(Long.class).list();

		SearchIndexingPlan index = Search.session(entityManager).indexingPlan();
		// Opening posts of answered topics are emptied rather than deleted, so the replies keep their place.
		List<Long> emptied = staying.isEmpty() ? List.of() : jdbc.sql("select p.id from post p where p.number = 1 "
				+ "and p.author_id = :member and p.topic_id in (:topics)").param("member", id).param("topics", staying)
				.query(Long.class).list().stream().filter(goingPosts::contains).toList();
		for (List<Long> batch : Batches.of(emptied, 500)) {
			jdbc.sql("update post set source = '', html = '', plain_text = '', body_hash = '', status = 'DELETED', "
					+ "author_id = :former, version = version + 1 where id in (:ids)")
					.param("former", former).param("ids", batch).update();
			jdbc.sql("delete from post_revision where post_id in (:ids)").param("ids", batch).update();
			jdbc.sql("delete from reaction where post_id in (:ids)").param("ids", batch).update();
		}
		List<Long> deleted = goingPosts.stream().filter(p -> !emptied.contains(p)).toList();
		for (List<Long> batch : Batches.of(deleted, 500)) {
			jdbc.sql("update topic set helpful_post_id = null where helpful_post_id in (:ids)").param("ids", batch).update();
			jdbc.sql("delete from post_revision where post_id in (:ids)").param("ids", batch).update();
			jdbc.sql("delete from reaction where post_id in (:ids)").param("ids", batch).update();
			jdbc.sql("delete from used_form_token where post_id in (:ids)").param("ids", batch).update();
			jdbc.sql("delete from post where id in (:ids)").param("ids", batch).update();
			batch.forEach(post -> index.purge(Post.class, post, null));
		}
		for (List<Long> batch : Batches.of(keptPosts, 500)) {
			jdbc.sql("update post set author_id = :former, version = version + 1 where id in (:ids)")
					.param("former", former).param("ids", batch).update();
		}
		for (long topic : goingTopics) {
			jdbc.sql("update tag set topic_count = topic_count - 1 where id in (select tag_id from topic_tag where topic_id = ?)")
					.param(topic).update();
			jdbc.sql("update category set topic_count = topic_count - 1 where id = (select category_id from topic where id = ?)")
					.param(topic).update();
			for (String table : new String[] { "topic_tag", "topic_read", "topic_follow" }) {
				jdbc.sql("delete from " + table + " where topic_id = ?").param(topic).update();
			}
			List<Long> rest = jdbc.sql("select id from post where topic_id = ?").param(topic).query(Long.class).list();
			if (!rest.isEmpty()) {
				jdbc.sql("delete from post_revision where post_id in (:ids)").param("ids", rest).update();
				jdbc.sql("delete from reaction where post_id in (:ids)").param("ids", rest).update();
				jdbc.sql("delete from used_form_token where post_id in (:ids)").param("ids", rest).update();
				jdbc.sql("delete from post where topic_id = ?").param(topic).update();
				rest.forEach(post -> index.purge(Post.class, post, null));
			}
			jdbc.sql("delete from topic where id = ?").param(topic).update();
			index.purge(Topic.class, topic, null);
		}
		for (long topic : staying) {
			// A plan's topic loses its plan: it stays a plain discussion the replies can be read in.
			String title = keepPublic && isKeptDiscussion(topic) ? "title" : "'" + REMOVED_TITLE + "'";
			jdbc.sql("update topic set author_id = ?, kind = 'DISCUSSION', title = " + title
					+ ", version = version + 1 where id = ?").params(former, topic).update();
		}
		jdbc.sql("update topic set last_poster_id = ? where last_poster_id = ?").params(former, id).update();
		jdbc.sql("update post_revision set editor_id = ? where editor_id = ?").params(former, id).update();
		jdbc.sql("delete from reaction where member_id = ?").param(id).update();
		jdbc.sql("delete from topic_read where member_id = ?").param(id).update();
		jdbc.sql("delete from topic_follow where member_id = ?").param(id).update();
		jdbc.sql("delete from used_form_token where member_id = ?").param(id).update();
		jdbc.sql("delete from posting_claim where member_id = ?").param(id).update();
		List<Long> touched = wroteIn.stream().filter(t -> !goingTopics.contains(t) && !staying.contains(t)).toList();
		for (long topic : staying) {
			jdbc.sql("update topic set reply_count = (select count(*) - 1 from post p where p.topic_id = ?) where id = ?")
					.params(topic, topic).update();
		}
		// Kept and answered topics are indexed again with their new author and counts.
		reindex(staying);
		reindex(touched);
	}

	private boolean isKeptDiscussion(long topic) {
		return jdbc.sql("select count(*) from topic where id = ? and visibility = 'PUBLIC' and kind = 'DISCUSSION' "
				+ "and status = 'VISIBLE'").param(topic).query(Long.class).single() > 0;
	}

	private void reindex(List<Long> topics) {
		SearchIndexingPlan index = Search.session(entityManager).indexingPlan();
		for (List<Long> batch : Batches.of(topics, 500)) {
			entityManager.createQuery("select t from Topic t where t.id in :ids", Topic.class).setParameter("ids", batch)
					.getResultList().forEach(topic -> {
						entityManager.refresh(topic);
						index.addOrUpdate(topic);
					});
			entityManager.createQuery("select p from Post p where p.topic.id in :ids", Post.class).setParameter("ids", batch)
					.getResultList().forEach(post -> {
						entityManager.refresh(post);
						index.addOrUpdate(post);
					});
		}
	}
}
