package org.steadfast.search;

import static org.steadfast.forum.ForumIndex.CATEGORY;
import static org.steadfast.forum.ForumIndex.KIND;
import static org.steadfast.forum.ForumIndex.LAST_ACTIVITY;
import static org.steadfast.forum.ForumIndex.TAG_IDS;
import static org.steadfast.forum.ForumIndex.TAGS;
import static org.steadfast.forum.ForumIndex.TITLE;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.data.Range;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.ForumViews.CategoryView;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.forum.Links;
import org.steadfast.forum.TagNames;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Viewer;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;
import org.steadfast.search.SearchResults.FacetValue;
import org.steadfast.search.SearchResults.Facets;
import org.steadfast.search.SearchResults.Hit;
import org.steadfast.search.SearchResults.State;
import org.steadfast.search.internal.ForumPredicates;
import org.steadfast.search.internal.Highlights;
import org.steadfast.search.internal.QueryText;
import org.steadfast.search.internal.Snippets;
import org.steadfast.search.internal.Spelling;
import org.steadfast.search.internal.Synonyms;
import org.steadfast.search.internal.Terms;
import org.steadfast.search.internal.Typos;

/**
 * Full-text search over the forum, one topic per result. The topic query decides what matches,
 * in what order, how many there are and the facet counts, all with the searcher's visibility
 * inside the query; the page's snippets and topic rows are then read for those topics only.
 */
@Service
@Transactional(readOnly = true)
public class ForumSearch {

	private static final Logger log = LoggerFactory.getLogger(ForumSearch.class);

	public static final int PAGE_SIZE = 10;
	static final int TAG_FACETS = 12;
	static final int POPULAR_TAGS = 12;

	/**
	 * Tag counts read per search: every tag a forum uses, so that ties at the last facet shown are
	 * broken by name (cheap: counting is the work, and names are read only for the tags shown).
	 */
	static final int TAG_BUCKETS = 1000;

	static final int TITLE_FRAGMENT = 200;

	/** Fewer topics with all the words than this, and a search ranks those with any of them. */
	static final int ENOUGH = 5;

	private static final AggregationKey<Map<Long, Long>> TAG_COUNTS = AggregationKey.of("tags");
	private static final AggregationKey<Map<Long, Long>> CATEGORY_COUNTS = AggregationKey.of("categories");
	private static final AggregationKey<Map<TopicKind, Long>> KIND_COUNTS = AggregationKey.of("kinds");
	private static final AggregationKey<Map<Range<Instant>, Long>> PERIOD_COUNTS = AggregationKey.of("periods");

	private final EntityManager entityManager;
	private final ForumQueries forum;
	private final CategoryService categories;
	private final MemberService members;
	private final Snippets snippets;
	private final Spelling spelling;
	private final ObjectProvider<HiddenAuthors> hiddenAuthors;
	private final Clock clock;
	private final Synonyms synonyms = Synonyms.load("/search/synonyms.txt");

	ForumSearch(EntityManager entityManager, ForumQueries forum, CategoryService categories, MemberService members,
			Snippets snippets, Spelling spelling, ObjectProvider<HiddenAuthors> hiddenAuthors, Clock clock) {
		this.entityManager = entityManager;
		this.forum = forum;
		this.categories = categories;
		this.members = members;
		this.snippets = snippets;
		this.spelling = spelling;
		this.hiddenAuthors = hiddenAuthors;
		this.clock = clock;
	}

	/** The searcher behind this viewer, with every author hidden from them by any module. */
	public Searcher searcher(Viewer viewer) {
		if (!viewer.isMember()) {
			return Searcher.of(viewer);
		}
		Set<Long> hidden = new HashSet<>();
		hiddenAuthors.forEach(h -> hidden.addAll(h.hiddenFrom(viewer.memberId())));
		return new Searcher(viewer, hidden);
	}

	public SearchResults search(SearchRequest request, Searcher searcher) {
		QueryText query = QueryText.parse(request.text());
		try {
			return search(request, query, searcher);
		}
		catch (SearchException e) {
			// The index may be missing or being rebuilt; the page says so instead of failing.
			log.warn("Search failed for a query of {} characters: {}", request.text().length(), e.getMessage());
			return new SearchResults(request, query.shown(), State.UNAVAILABLE, 0, 1, 1, List.of(), Facets.NONE, null,
					List.of(), false);
		}
	}

	private SearchResults search(SearchRequest request, QueryText query, Searcher searcher) {
		if (query.isEmpty() && !request.filtered()) {
			return new SearchResults(request, query.shown(), State.START, 0, 1, 1, List.of(), Facets.NONE, null,
					popularTags(searcher), false);
		}
		Optional<Long> author = author(request, searcher);
		if (author.isEmpty() && (request.author() != null || request.mine())) {
			return new SearchResults(request, query.shown(), State.UNKNOWN_AUTHOR, 0, 1, 1, List.of(), Facets.NONE,
					null, List.of(), false);
		}
		Map<Long, CategoryView> categoryViews = new LinkedHashMap<>();
		categories.all().forEach(c -> categoryViews.put(c.id(), c));
		Filters filters = new Filters(request, Terms.of(query, synonyms, spelling), author.orElse(null),
				categoryId(request, categoryViews), clock.instant(), true);

		SearchResult<TopicHit> result = topics(filters, searcher, request.page());
		if (result.total().hitCount() < ENOUGH && filters.terms().slots().size() > 1) {
			// Few topics have all the words: rank those with any of them, most words first.
			Filters broader = filters.anyWord();
			SearchResult<TopicHit> broad = topics(broader, searcher, request.page());
			if (broad.total().hitCount() > result.total().hitCount()) {
				filters = broader;
				result = broad;
			}
		}
		long total = result.total().hitCount();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(request.page(), pages);
		if (page != request.page()) {
			result = topics(filters, searcher, page);
		}
		List<Hit> hits = hits(result.hits(), filters, searcher);
		Facets facets = facets(result, request, categoryViews, filters.now());
		String suggestion = suggestion(query, filters, searcher);
		return new SearchResults(request, query.shown(), State.SEARCHED, total, page, pages, hits, facets, suggestion,
				total == 0 ? popularTags(searcher) : List.of(), !filters.allWords());
	}

	/**
	 * What the request filters by, resolved to index values, and how its words are matched.
	 *
	 * @param allWords whether (nearly) every word must be found, or any one
	 */
	private record Filters(SearchRequest request, Terms terms, Long author, Long categoryId, Instant now,
			boolean allWords) {

		Filters anyWord() {
			return new Filters(request, terms, author, categoryId, now, false);
		}

		/** Other words, matched as typed: a suggestion must find topics with exactly those words. */
		Filters respelled(Terms other) {
			return new Filters(request, other.withoutTypos(), author, categoryId, now, false);
		}
	}

	/** A matching topic's id and highlighted title (empty when the title did not match). */
	private record TopicHit(Long id, List<String> title) {
	}

	private SearchResult<TopicHit> topics(Filters filters, Searcher searcher, int page) {
		return Search.session(entityManager).search(Topic.class)
				.select(f -> f.composite().from(f.id(Long.class), f.highlight(TITLE)).as(TopicHit::new))
				.where(f -> where(f, filters, searcher))
				.sort(f -> filters.request().sort() == Sort.RELEVANCE && !filters.terms().isEmpty()
						? f.score().then().field(LAST_ACTIVITY).desc()
						: f.field(LAST_ACTIVITY).desc().then().score())
				.highlighter(h -> h.plain().tag(Highlights.OPEN, Highlights.CLOSE).encoder(HighlighterEncoder.DEFAULT)
						// Longer than any title (150 characters): the whole title, marked.
						.fragmentSize(TITLE_FRAGMENT).numberOfFragments(1))
				.aggregation(TAG_COUNTS, f -> f.terms().field(TAG_IDS, Long.class).maxTermCount(TAG_BUCKETS))
				.aggregation(CATEGORY_COUNTS, f -> f.terms().field(CATEGORY, Long.class))
				.aggregation(KIND_COUNTS, f -> f.terms().field(KIND, TopicKind.class))
				.aggregation(PERIOD_COUNTS, f -> f.range().field(LAST_ACTIVITY, Instant.class)
						.range(Range.atLeast(filters.now().minus(Period.WEEK.length())))
						.range(Range.atLeast(filters.now().minus(Period.MONTH.length())))
						.range(Range.atLeast(filters.now().minus(Period.YEAR.length()))))
				.fetch((page - 1) * PAGE_SIZE, PAGE_SIZE);
	}

	private PredicateFinalStep where(SearchPredicateFactory f, Filters filters, Searcher searcher) {
		var predicates = new ForumPredicates(f, searcher);
		var b = f.bool().must(predicates.topicText(filters.terms(), filters.author(), filters.allWords()))
				.filter(predicates.topicVisible());
		SearchRequest request = filters.request();
		if (filters.author() != null && filters.terms().isEmpty()) {
			b.filter(predicates.tookPart(filters.author()));
		}
		for (String tag : request.tags()) {
			b.filter(f.match().field(TAGS).matching(tag));
		}
		if (request.category() != null) {
			b.filter(f.match().field(CATEGORY).matching(filters.categoryId()));
		}
		if (request.kind() != null) {
			b.filter(f.match().field(KIND).matching(request.kind()));
		}
		if (request.period() != Period.ANY) {
			b.filter(f.range().field(LAST_ACTIVITY).atLeast(filters.now().minus(request.period().length())));
		}
		return b;
	}

	private List<Hit> hits(List<TopicHit> found, Filters filters, Searcher searcher) {
		List<Long> ids = found.stream().map(TopicHit::id).toList();
		Map<Long, Snippets.Snippet> snippetsById = snippets.forTopics(ids, filters.terms(), searcher, filters.author());
		Map<Long, TopicSummary> summaries = new LinkedHashMap<>();
		forum.summaries(searcher.viewer(), ids).forEach(s -> summaries.put(s.id(), s));
		List<Hit> hits = new ArrayList<>();
		for (TopicHit hit : found) {
			TopicSummary topic = summaries.get(hit.id());
			if (topic == null) {
				// The index is behind the database (a moment after a change); the database decides.
				continue;
			}
			Snippets.Snippet snippet = snippetsById.get(hit.id());
			String title = hit.title().isEmpty() ? null : Highlights.toHtml(hit.title().get(0));
			if (snippet == null) {
				hits.add(new Hit(topic, title, null, null, 0));
			}
			else {
				String href = Links.post(topic.id(), topic.slug(), forum.pageOf(snippet.number()), snippet.number());
				hits.add(new Hit(topic, title, snippet.html(), href, snippet.number()));
			}
		}
		return hits;
	}

	private Facets facets(SearchResult<TopicHit> result, SearchRequest request, Map<Long, CategoryView> categoryViews,
			Instant now) {
		List<FacetValue> tags = mostUsedTags(result.aggregation(TAG_COUNTS), TAG_FACETS, request.tags());
		List<FacetValue> categoryFacets = new ArrayList<>();
		Map<Long, Long> categoryCounts = result.aggregation(CATEGORY_COUNTS);
		categoryViews.values().forEach(c -> {
			long count = categoryCounts.getOrDefault(c.id(), 0L);
			if (count > 0) {
				categoryFacets.add(new FacetValue(c.slug(), c.name(), count, c.slug().equals(request.category())));
			}
		});
		List<FacetValue> kinds = result.aggregation(KIND_COUNTS).entrySet().stream()
				.map(e -> new FacetValue(e.getKey().name(), e.getKey().name(), e.getValue(), e.getKey() == request.kind()))
				.toList();
		Map<Instant, Long> byStart = new LinkedHashMap<>();
		result.aggregation(PERIOD_COUNTS).forEach((range, count) -> byStart.put(range.lowerBoundValue().orElse(null), count));
		List<FacetValue> periods = new ArrayList<>();
		for (Period p : List.of(Period.WEEK, Period.MONTH, Period.YEAR)) {
			long count = byStart.getOrDefault(now.minus(p.length()), 0L);
			if (count > 0) {
				periods.add(new FacetValue(p.name(), p.name(), count, request.period() == p));
			}
		}
		return new Facets(tags, categoryFacets, kinds, periods);
	}

	/**
	 * The tags counted most often, most first and then by name, named from the forum's tag table:
	 * only the names of the tags that may be shown are read (the first {@code limit} by count and
	 * any tied with the last of them), and tags deleted since they were indexed are left out.
	 */
	private List<FacetValue> mostUsedTags(Map<Long, Long> countsById, int limit, List<String> selected) {
		List<Map.Entry<Long, Long>> byCount = countsById.entrySet().stream()
				.sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
				.toList();
		long lowest = byCount.size() > limit ? byCount.get(limit - 1).getValue() : 0;
		List<Map.Entry<Long, Long>> shown = byCount.stream().takeWhile(e -> e.getValue() >= lowest).toList();
		Map<Long, String> names = forum.tagNames(shown.stream().map(Map.Entry::getKey).toList());
		return shown.stream()
				.filter(e -> names.containsKey(e.getKey()))
				.map(e -> new FacetValue(names.get(e.getKey()), names.get(e.getKey()), e.getValue(),
						selected.contains(names.get(e.getKey()))))
				.sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
				.limit(limit)
				.toList();
	}

	/**
	 * When a typed word occurs nowhere, a respelling of the words that finds topics this searcher
	 * may read, with the same filters and without typo tolerance (so the suggested words
	 * themselves occur in what they may read).
	 */
	private String suggestion(QueryText query, Filters filters, Searcher searcher) {
		Typos typos = filters.terms().typos();
		if (!typos.fuzzy() && typos.unknown().isEmpty()) {
			return null;
		}
		Map<String, String> respelled = spelling.respell(typos.fuzzy() ? query.wordsToMatch() : typos.unknown());
		if (respelled.isEmpty()) {
			return null;
		}
		QueryText suggested = query.replacing(respelled);
		Terms terms = new Terms(suggested.slots(synonyms), suggested.phrases(), Typos.NONE);
		long found = Search.session(entityManager).search(Topic.class)
				.where(f -> where(f, filters.respelled(terms), searcher))
				.fetchTotalHitCount();
		return found > 0 ? suggested.shown() : null;
	}

	/** The tags on the most topics this searcher can read, counted by the index as that searcher. */
	private List<FacetValue> popularTags(Searcher searcher) {
		SearchResult<Long> result = Search.session(entityManager).search(Topic.class)
				.select(f -> f.id(Long.class))
				.where(f -> new ForumPredicates(f, searcher).topicVisible())
				.aggregation(TAG_COUNTS, f -> f.terms().field(TAG_IDS, Long.class).maxTermCount(TAG_BUCKETS))
				.fetch(0);
		return mostUsedTags(result.aggregation(TAG_COUNTS), POPULAR_TAGS, List.of());
	}

	/** The author whose posts to search: the one named, or the searcher for "only my posts". */
	private Optional<Long> author(SearchRequest request, Searcher searcher) {
		if (request.mine()) {
			return Optional.ofNullable(searcher.memberId());
		}
		if (request.author() == null) {
			return Optional.empty();
		}
		return members.findByUsername(request.author()).map(m -> m.getId());
	}

	/** An unknown slug matches no topic rather than being ignored: the page shows it selected and empty. */
	private static Long categoryId(SearchRequest request, Map<Long, CategoryView> categoryViews) {
		if (request.category() == null) {
			return null;
		}
		return categoryViews.values().stream().filter(c -> c.slug().equals(request.category())).map(CategoryView::id)
				.findFirst().orElse(-1L);
	}

	/** Normalises typed tag names as the forum stores them; unusable ones are dropped. */
	public static List<String> tagNames(List<String> typed) {
		return typed.stream().map(TagNames::normalize).filter(TagNames.Result::ok).map(TagNames.Result::name)
				.distinct().limit(TagNames.MAX_TAGS).toList();
	}

	/** Similar topics for a title being written (see the forum's SimilarTopics). */
	public List<TopicSummary> similarTo(Searcher searcher, String title, int limit) {
		QueryText query = QueryText.parse(title);
		if (query.meaningfulWords().isEmpty() || limit < 1) {
			return List.of();
		}
		try {
			Terms terms = Terms.of(query, synonyms, spelling);
			List<Long> ids = Search.session(entityManager).search(Topic.class)
					.select(f -> f.id(Long.class))
					.where(f -> {
						var predicates = new ForumPredicates(f, searcher);
						return f.bool().must(predicates.similarTo(terms)).filter(predicates.topicVisible());
					})
					.fetchHits(limit);
			return forum.summaries(searcher.viewer(), ids);
		}
		catch (SearchException e) {
			log.warn("Similar topics unavailable: {}", e.getMessage());
			return List.of();
		}
	}
}
