package org.steadfast.search.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.forum.ForumEvents.TopicsChanged;
import org.steadfast.forum.Topic;

/**
 * Re-indexes topics that the forum changed by bulk statements (tag renames and merges), which
 * Hibernate Search cannot see. As a module listener it runs after the change commits, in its own
 * transaction, and is retried from the event registry if the application stops first.
 */
@Component
class TopicsReindexer {

	/** Topics loaded and indexed per round, so a large tag does not fill memory. */
	static final int BATCH = 100;

	private final EntityManager entityManager;

	TopicsReindexer(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@ApplicationModuleListener
	void on(TopicsChanged event) {
		var session = Search.session(entityManager);
		List<Long> ids = event.topicIds();
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
			entityManager.createQuery("select t from Topic t where t.id in :ids", Topic.class)
					.setParameter("ids", batch)
					.getResultList()
					.forEach(session.indexingPlan()::addOrUpdate);
			session.indexingPlan().execute();
			entityManager.clear();
		}
	}
}
