package org.steadfast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Post;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.TopicService.NewTopic;
import org.steadfast.forum.Viewer;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

/** Building the index: at start when it is missing, stale or of another mapping, and on an administrator's request. */
@IntegrationTest
class SearchIndexingIT {

	@Autowired
	SearchIndexer indexer;

	@Autowired
	ForumSearch search;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryService categories;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	MockMvc mvc;

	long found(String text) {
		return search.search(SearchRequest.of(text), Searcher.of(Viewer.GUEST)).total();
	}

	void startTopic(MemberPrincipal author, String title) {
		topics.startTopic(author.id(), NewTopic.discussion(categories.bySlug("advice").orElseThrow().id(), title,
				"Body of " + title, List.of()), formTokens.issue(author.id()));
	}

	@Test
	void aLostIndexIsRebuiltFromTheDatabaseAtStart() throws InterruptedException {
		String m = SearchScenarios.marker();
		startTopic(members.create("lost"), "Indexed before the loss " + m);
		Search.mapping(entityManagerFactory).scope(List.of(Topic.class, Post.class)).workspace().purge();
		assertThat(found(m)).isZero();

		indexer.rebuildIfNeeded();
		assertThat(found(m)).isEqualTo(1);
		assertThat(indexer.progress().running()).isFalse();
		assertThat(indexer.progress().done()).isPositive();
		assertThat(indexer.progress().total()).isEqualTo(indexer.progress().done());
	}

	@Test
	void rowsWrittenBehindHibernateSearchsBackAreIndexedAtStart() {
		String m = SearchScenarios.marker();
		MemberPrincipal author = members.create("behind");
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		long category = categories.bySlug("advice").orElseThrow().id();
		jdbc.update("""
				insert into topic (category_id, kind, visibility, status, title, slug, author_id, created_at, last_posted_at,
				                   last_poster_id, reply_count, pinned, locked)
				values (?, 'DISCUSSION', 'PUBLIC', 'VISIBLE', ?, 'seeded', ?, ?, ?, ?, 0, false, false)""",
				category, "Seeded " + m, author.id(), now, now, author.id());
		long topicId = jdbc.queryForObject("select id from topic where title = ?", Long.class, "Seeded " + m);
		jdbc.update("""
				insert into post (topic_id, number, author_id, source, html, plain_text, body_hash, status, created_at)
				values (?, 1, ?, ?, ?, ?, ?, 'VISIBLE', ?)""", topicId, author.id(), "Seeded words " + m,
				"<p>Seeded words " + m + "</p>", "Seeded words " + m, "x".repeat(64), now);
		assertThat(found(m)).isZero();

		indexer.rebuildIfNeeded();
		assertThat(found(m)).isEqualTo(1);
	}

	@Test
	void aChangedMappingRebuildsTheIndexAndRecordsTheNewOne() {
		startTopic(members.create("mapping"), "Something to index " + SearchScenarios.marker());
		indexer.rebuildIfNeeded();
		jdbc.update("update search_index_state set fingerprint = ?", "0".repeat(64));
		assertThat(indexer.status().current()).isFalse();

		indexer.rebuildIfNeeded();
		SearchIndexer.Status status = indexer.status();
		assertThat(status.current()).isTrue();
		assertThat(status.topics()).isPositive();
		assertThat(status.posts()).isGreaterThanOrEqualTo(status.topics());
		assertThat(status.sizeBytes()).isPositive();
		assertThat(status.builtAt()).isNotNull();
	}

	@Test
	void administratorsRebuildTheIndexAndWatchItsProgress() throws Exception {
		MemberPrincipal admin = members.admin("indexadmin");
		startTopic(admin, "Rebuilt by an administrator " + SearchScenarios.marker());
		String page = HtmlUtils.htmlUnescape(mvc.perform(get("/admin/search").with(user(admin)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page).contains("Search index", "Topics in the index", "Rebuild the search index", "data-confirm");

		mvc.perform(post("/admin/search/rebuild").with(user(admin)).with(csrf()))
				.andExpect(redirectedUrl("/admin/search"));
		await().atMost(Duration.ofSeconds(30)).until(() -> !indexer.progress().running());
		String progress = HtmlUtils.htmlUnescape(mvc.perform(get("/admin/search/progress").with(user(admin)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(progress).contains("Rebuilt:", "documents").doesNotContain("<html", "data-refresh");
		assertThat(indexer.progress().failed()).isFalse();
	}

	@Test
	void onlyAdministratorsSeeOrRebuildTheIndex() throws Exception {
		MemberPrincipal member = members.create("notadmin");
		mvc.perform(get("/admin/search").with(user(member))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/search/progress").with(user(member))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/rebuild").with(user(member)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/rebuild")).andExpect(status().isForbidden());
	}
}
