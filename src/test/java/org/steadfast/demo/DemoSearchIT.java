package org.steadfast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.demo.DemoContent.Conversation;
import org.steadfast.forum.Viewer;
import org.steadfast.search.ForumSearch;
import org.steadfast.search.SearchIndexer;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.Searcher;
import org.steadfast.support.IntegrationTest;

/**
 * The demo community is written with plain SQL, behind Hibernate Search's back; the index built
 * at the first start must hold it all. Same configuration as {@link DemoDataIT}, so the same
 * application context and database.
 */
@IntegrationTest
@TestPropertySource(properties = { "steadfast.demo-data=true",
		"spring.datasource.url=jdbc:h2:mem:steadfast-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
class DemoSearchIT {

	@Autowired
	ForumSearch search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	MockMvc mvc;

	@Test
	void theFirstStartIndexesTheDemoCommunitySoEveryTopicIsFoundByItsTitle() throws Exception {
		SearchIndexer.Status status = indexer.status();
		assertThat(status.topics()).isGreaterThanOrEqualTo(DemoContent.CONVERSATIONS.size());
		assertThat(status.current()).isTrue();
		for (Conversation c : DemoContent.CONVERSATIONS) {
			var hits = search.search(SearchRequest.of(c.title()), Searcher.of(Viewer.GUEST)).hits();
			assertThat(hits).as(c.title()).isNotEmpty();
			assertThat(hits.get(0).topic().title()).as(c.title()).isEqualTo(c.title());
		}
		String page = HtmlUtils.htmlUnescape(mvc.perform(get("/search").param("q", "birthday"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page).contains("<mark>birthday</mark>");
	}
}
