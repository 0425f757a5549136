package org.steadfast.search.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.TimeUnit;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.steadfast.forum.Topic;

/**
 * The search backend's health ({@code search} in {@code /actuator/health} and the readiness
 * group): up when a one-hit count answers within two seconds. On the Lucene backend it is a local
 * read; on Elasticsearch/OpenSearch it proves the cluster answers.
 */
@Component("searchHealthIndicator")
class SearchHealth implements HealthIndicator {

	private final EntityManagerFactory entityManagerFactory;

	SearchHealth(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public Health health() {
		try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
			long topics = Search.session(entityManager).search(Topic.class).where(f -> f.matchAll())
					.failAfter(2, TimeUnit.SECONDS).fetchTotalHitCount();
			return Health.up().withDetail("topics", topics).build();
		}
		catch (SearchException e) {
			return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
		}
	}
}
