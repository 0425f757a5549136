package org.steadfast.search.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steadfast.search.SearchIndexer;

/**
 * Builds the index at start when it needs it. Runs after the other start-up runners (the demo
 * data writes rows behind Hibernate Search's back), and before the application reports itself
 * ready, so a fresh install serves searches from its first ready moment.
 */
@Component
@Order(100)
class IndexOnStart implements ApplicationRunner {

	private final SearchIndexer indexer;

	IndexOnStart(SearchIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	public void run(ApplicationArguments args) {
		indexer.rebuildIfNeeded();
	}
}
