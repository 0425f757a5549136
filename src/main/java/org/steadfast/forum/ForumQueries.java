package org.steadfast.forum;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Role;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumViews.Listing;
import org.steadfast.forum.ForumViews.PostView;
import org.steadfast.forum.ForumViews.Revision;
import org.steadfast.forum.ForumViews.TagSummary;
import org.steadfast.forum.ForumViews.TopicHeader;
import org.steadfast.forum.ForumViews.TopicPage;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.web.ContentChanges;

/**
 * The read side of the forum: each page is a fixed, small number of SQL statements (no N+1),
 * and visibility is part of every query's WHERE clause rather than a filter applied afterwards.
 */
@Service
// Reads need no transaction of their own: each select runs in auto-commit on the one connection
// the method holds, so a page sends no transaction-control statements (three per transaction on
// MySQL). Called inside a writing transaction, a read joins it.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class ForumQueries {

	/**
	 * Topics this viewer may see in lists: visible (or their own pending ones) and allowed by
	 * visibility. Other modules' queries over topics (plans, check-ins) use it with
	 * {@link #bindViewer}, so that visibility is decided in one place, inside the query.
	 */
	public static final String VISIBLE_TOPIC = """
			(t.status = 'VISIBLE' or (t.status = 'PENDING' and t.author_id = :me))
			and (t.visibility = 'PUBLIC' or (t.visibility = 'MEMBERS' and 1 = :member) or t.author_id = :me
			     or (t.visibility = 'PARTNER' and t.author_id = :partner))""";

	private static final String SUMMARY_COLUMNS = """
			select t.id, t.title, t.slug, t.kind, t.visibility, t.reply_count, t.created_at, t.last_posted_at,
			       t.pinned, t.locked, t.helpful_post_id, c.slug as category_slug, c.name as category_name,
			       a.username as author_username, a.display_name as author_name,
			       lp.username as last_username, lp.display_name as last_name, r.last_read_number
			from topic t
			join category c on c.id = t.category_id
			join member a on a.id = t.author_id
			join member lp on lp.id = t.last_poster_id
			left join topic_read r on r.topic_id = t.id and r.member_id = :me
			""";

	private final JdbcClient jdbc;
	private final ForumProperties properties;
	private final ContentChanges changes;
	/** Topic pages as every reader shares them (null when switched off); see {@link #sharedPage}. */
	private final Cache<PageKey, KeptPage> sharedPages;

	ForumQueries(JdbcClient jdbc, ForumProperties properties, ContentChanges changes) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.changes = changes;
		this.sharedPages = properties.isSharedPageCache()
				? Caffeine.newBuilder()
						.maximumWeight(properties.getSharedPageCacheBytes())
						.weigher((PageKey key, KeptPage kept) -> 512 + kept.page().rows().stream()
								.mapToInt(row -> 2 * row.html().length() + 256).sum())
						.build()
				: null;
	}

	public Listing<TopicSummary> latest(Viewer viewer, int page) {
		return topics(viewer, "", "t.last_posted_at desc, t.id desc", Map.of(), page);
	}

	/** Topics nobody has answered yet, oldest first, so that no first post goes unanswered. */
	public Listing<TopicSummary> unanswered(Viewer viewer, int page) {
		return topics(viewer, "and t.reply_count = 0 and t.kind = 'DISCUSSION' and t.locked = false",
				"t.created_at asc, t.id asc", Map.of(), page);
	}

	public Listing<TopicSummary> inCategory(Viewer viewer, long categoryId, int page) {
		return topics(viewer, "and t.category_id = :category", "t.pinned desc, t.last_posted_at desc, t.id desc",
				Map.of("category", categoryId), page);
	}

	public Listing<TopicSummary> tagged(Viewer viewer, String tag, int page) {
		return topics(viewer,
				"and exists (select 1 from topic_tag tt join tag g on g.id = tt.tag_id where tt.topic_id = t.id and g.name = :tag)",
				"t.last_posted_at desc, t.id desc", Map.of("tag", tag), page);
	}

	/** Topics started by a member, as this viewer may see them (for profiles). */
	public Listing<TopicSummary> startedBy(Viewer viewer, long authorId, int page) {
		return topics(viewer, "and t.author_id = :author", "t.created_at desc, t.id desc", Map.of("author", authorId),
				page);
	}

	/**
	 * These topics as this viewer may see them, in the order given (search results rank them);
	 * missing ones and those the viewer may not read are left out. Two statements for any number.
	 */
	public List<TopicSummary> summaries(Viewer viewer, List<Long> topicIds) {
		if (topicIds.isEmpty()) {
			return List.of();
		}
		Map<Long, TopicSummary> found = new HashMap<>();
		bindViewer(jdbc.sql(SUMMARY_COLUMNS + " where " + VISIBLE_TOPIC + " and t.id in (:ids)"), viewer)
				.param("ids", topicIds)
				.query(ForumQueries::summary)
				.list()
				.forEach(s -> found.put(s.id(), s));
		return withTags(topicIds.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList());
	}

	private Listing<TopicSummary> topics(Viewer viewer, String filter, String order, Map<String, Object> params,
			int page) {
		int size = properties.getTopicsPerPage();
		int p = org.steadfast.web.Pages.clamp(page);
		// The page of ids first, from the topic table alone (an index walk in activity order that stops
		// after one page), then the joins for those rows only: the whole list is never joined and sorted.
		var statement = jdbc.sql(pagedSummaries("select t.id from topic t where " + VISIBLE_TOPIC + " " + filter
				+ " order by " + order + " limit :limit offset :offset") + " order by " + order);
		statement = bindViewer(statement, viewer).param("limit", size + 1).param("offset", (long) (p - 1) * size);
		for (var e : params.entrySet()) {
			statement = statement.param(e.getKey(), e.getValue());
		}
		List<TopicSummary> rows = statement.query(ForumQueries::summary).list();
		boolean hasNext = rows.size() > size;
		List<TopicSummary> items = hasNext ? rows.subList(0, size) : rows;
		return new Listing<>(withTags(items), p, hasNext);
	}

	/** The summary columns for the topics whose ids the given query selects (a derived table named page). */
	private static String pagedSummaries(String ids) {
		String from = "from topic t\n";
		if (!SUMMARY_COLUMNS.contains(from)) {
			throw new IllegalStateException("the summary query no longer starts from the topic table");
		}
		return SUMMARY_COLUMNS.replace(from, "from (" + ids + ") page\njoin topic t on t.id = page.id\n");
	}

	private List<TopicSummary> withTags(List<TopicSummary> items) {
		if (items.isEmpty()) {
			return items;
		}
		Map<Long, List<String>> tags = tagsOf(items.stream().map(TopicSummary::id).toList());
		return items.stream().map(s -> s.complete(tags.getOrDefault(s.id(), List.of()), properties.getPostsPerPage()))
				.toList();
	}

	private Map<Long, List<String>> tagsOf(List<Long> topicIds) {
		Map<Long, List<String>> tags = new HashMap<>();
		jdbc.sql("select tt.topic_id, g.name from topic_tag tt join tag g on g.id = tt.tag_id "
				+ "where tt.topic_id in (:ids) order by g.name")
				.param("ids", topicIds)
				.query((ResultSet rs) -> {
					tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		return tags;
	}

	/**
	 * The topic header for this viewer, or empty when it does not exist or they may not see it
	 * (the page then answers 404, without revealing which).
	 */
	public Optional<TopicHeader> topic(Viewer viewer, long topicId) {
		return header(viewer.isMember() ? viewer.memberId() : -1L, topicId)
				.filter(h -> viewer.canRead(h.authorId(), h.visibility(), h.status()));
	}

	/** The topic's header whoever may see it; following and read marker are those of member {@code me}. */
	private Optional<TopicHeader> header(long me, long topicId) {
		return jdbc.sql("""
				select t.id, t.title, t.slug, t.kind, t.visibility, t.status, t.category_id, c.slug as category_slug,
				       c.name as category_name, c.advice, c.archived, t.author_id, a.username, a.display_name,
				       t.reply_count, t.created_at, t.last_posted_at, t.pinned, t.locked, t.helpful_post_id,
				       exists (select 1 from topic_follow f where f.topic_id = t.id and f.member_id = ?) as following,
				       coalesce((select r.last_read_number from topic_read r where r.member_id = ? and r.topic_id = t.id), 0)
				         as last_read
				from topic t join category c on c.id = t.category_id join member a on a.id = t.author_id
				where t.id = ?""")
				.params(me, me, topicId)
				.query((rs, n) -> new TopicHeader(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
						TopicKind.valueOf(rs.getString("kind")), Visibility.valueOf(rs.getString("visibility")),
						ContentStatus.valueOf(rs.getString("status")), rs.getLong("category_id"),
						rs.getString("category_slug"), rs.getString("category_name"), rs.getBoolean("advice"),
						rs.getBoolean("archived"), rs.getLong("author_id"), rs.getString("username"),
						rs.getString("display_name"), rs.getInt("reply_count"), Utc.read(rs, "created_at"),
						Utc.read(rs, "last_posted_at"), rs.getBoolean("pinned"), rs.getBoolean("locked"),
						(Long) rs.getObject("helpful_post_id", Long.class), List.of(), rs.getBoolean("following"),
						rs.getInt("last_read")))
				.optional();
	}

	/**
	 * One page of a topic for this viewer: header, posts with authors and reactions, tags. The page
	 * as everyone shares it comes from {@link #sharedPage} (four statements, or none while it is
	 * kept); the viewer's own part is laid over it here: whether they may see it at all, which posts
	 * they may read, their blocks, their own reactions, following and read marker (one statement for
	 * a member, none for a guest).
	 */
	public Optional<TopicPage> topicPage(Viewer viewer, long topicId, int page) {
		SharedPage shared = sharedPage(topicId, page).orElse(null);
		if (shared == null || !viewer.canRead(shared.header().authorId(), shared.header().visibility(),
				shared.header().status())) {
			return Optional.empty();
		}
		TopicHeader header = shared.header();
		Personal personal = viewer.isMember() ? personal(viewer.memberId(), topicId) : Personal.GUEST;
		List<PostView> rows = shared.rows().stream().map(row -> {
			List<ReactionKind> mine = viewer.isMember()
					? shared.reactions().getOrDefault(row.id(), List.of()).stream()
							.filter(r -> r.memberId() == viewer.memberId()).map(Reaction::kind).toList()
					: List.of();
			return redact(viewer, new PostView(row.id(), row.number(), row.authorId(), row.authorUsername(),
					row.authorName(), row.authorRole(), row.html(), row.status(), row.createdAt(), row.editedAt(),
					row.editCount(), row.version(), row.reactions(), mine, personal.blocks().contains(row.authorId())));
		}).toList();
		long helpfulId = header.helpfulPostId() == null ? -1 : header.helpfulPostId();
		PostView helpful = rows.stream().filter(r -> r.id() == helpfulId && r.visible()).findFirst().orElse(null);
		int from = (shared.page() - 1) * properties.getPostsPerPage() + 1;
		int to = shared.page() * properties.getPostsPerPage();
		List<PostView> posts = rows.stream().filter(r -> r.number() >= from && r.number() <= to).toList();
		TopicHeader mineHeader = new TopicHeader(header.id(), header.title(), header.slug(), header.kind(),
				header.visibility(), header.status(), header.categoryId(), header.categorySlug(), header.categoryName(),
				header.advice(), header.categoryArchived(), header.authorId(), header.authorUsername(),
				header.authorName(), header.replyCount(), header.createdAt(), header.lastPostedAt(), header.pinned(),
				header.locked(), header.helpfulPostId(), header.tags(), personal.following(), personal.lastRead());
		return Optional.of(new TopicPage(mineHeader, posts, helpful, shared.page(), shared.pages()));
	}

	/** One reaction: who gave it (to find the reader's own) and which. */
	private record Reaction(long memberId, ReactionKind kind) {
	}

	/**
	 * A topic page as every reader shares it, before anyone's own view: all its posts unredacted,
	 * nobody blocked, reaction counts and who reacted. It never leaves this class;
	 * {@link #topicPage} decides what of it a viewer gets.
	 */
	private record SharedPage(TopicHeader header, List<PostView> rows, Map<Long, List<Reaction>> reactions, int page,
			int pages) {
	}

	private record PageKey(long topicId, int page) {
	}

	private record KeptPage(long generation, SharedPage page) {
	}

	/** The viewer's own part of a topic page. */
	private record Personal(boolean following, int lastRead, Set<Long> blocks) {
		static final Personal GUEST = new Personal(false, 0, Set.of());
	}

	/**
	 * The shared page, kept while no write that a reader could see has committed ({@link ContentChanges}):
	 * a popular topic read by many members between two replies costs its four statements once.
	 */
	private Optional<SharedPage> sharedPage(long topicId, int page) {
		if (sharedPages == null) {
			return loadSharedPage(topicId, page);
		}
		PageKey key = new PageKey(topicId, page);
		long before = changes.current();
		KeptPage kept = sharedPages.getIfPresent(key);
		if (kept != null && kept.generation() == before) {
			return Optional.of(kept.page());
		}
		Optional<SharedPage> loaded = loadSharedPage(topicId, page);
		// Kept only if nothing changed while it was read.
		if (loaded.isPresent() && changes.current() == before) {
			sharedPages.put(key, new KeptPage(before, loaded.get()));
		}
		return loaded;
	}

	private Optional<SharedPage> loadSharedPage(long topicId, int page) {
		TopicHeader header = header(-1L, topicId).orElse(null);
		if (header == null) {
			return Optional.empty();
		}
		int size = properties.getPostsPerPage();
		int pages = Math.max(1, (header.postCount() + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		long helpfulId = header.helpfulPostId() == null ? -1 : header.helpfulPostId();
		List<PostView> rows = jdbc.sql("""
				select p.id, p.number, p.author_id, m.username, m.display_name, m.role, p.html, p.status,
				       p.created_at, p.edited_at, p.edit_count, p.version
				from post p join member m on m.id = p.author_id
				where p.topic_id = :topic and (p.number between :from and :to or p.id = :helpful)
				order by p.number""")
				.param("topic", topicId).param("from", (p - 1) * size + 1).param("to", p * size)
				.param("helpful", helpfulId)
				.query((rs, n) -> new PostView(rs.getLong("id"), rs.getInt("number"), rs.getLong("author_id"),
						rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
						rs.getString("html"), ContentStatus.valueOf(rs.getString("status")), Utc.read(rs, "created_at"),
						Utc.read(rs, "edited_at"), rs.getInt("edit_count"), rs.getLong("version"), Map.of(), List.of(),
						false))
				.list();
		// Reactions count on visible posts only; the rows come straight from the primary key and are
		// counted here, with no grouping to sort.
		List<Long> ids = rows.stream().filter(PostView::visible).map(PostView::id).toList();
		Map<Long, List<Reaction>> reactions = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select post_id, member_id, kind from reaction where post_id in (:ids)")
					.param("ids", ids)
					.query((ResultSet rs) -> {
						reactions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
								.add(new Reaction(rs.getLong(2), ReactionKind.valueOf(rs.getString(3))));
					});
		}
		rows = rows.stream().map(row -> {
			Map<ReactionKind, Integer> counts = new EnumMap<>(ReactionKind.class);
			reactions.getOrDefault(row.id(), List.of()).forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
			return new PostView(row.id(), row.number(), row.authorId(), row.authorUsername(), row.authorName(),
					row.authorRole(), row.html(), row.status(), row.createdAt(), row.editedAt(), row.editCount(),
					row.version(), counts.isEmpty() ? Map.of() : counts, List.of(), false);
		}).toList();
		List<String> tags = tagsOf(List.of(topicId)).getOrDefault(topicId, List.of());
		TopicHeader withTags = new TopicHeader(header.id(), header.title(), header.slug(), header.kind(),
				header.visibility(), header.status(), header.categoryId(), header.categorySlug(), header.categoryName(),
				header.advice(), header.categoryArchived(), header.authorId(), header.authorUsername(),
				header.authorName(), header.replyCount(), header.createdAt(), header.lastPostedAt(), header.pinned(),
				header.locked(), header.helpfulPostId(), tags, false, 0);
		return Optional.of(new SharedPage(withTags, rows, reactions, p, pages));
	}

	/** Following, read marker and blocks (either way) of a member, in one statement. */
	private Personal personal(long memberId, long topicId) {
		boolean[] following = { false };
		int[] lastRead = { 0 };
		Set<Long> blocks = new HashSet<>();
		jdbc.sql("""
				select 'F' as what, 0 as val from topic_follow where member_id = :me and topic_id = :topic
				union all select 'R', last_read_number from topic_read where member_id = :me and topic_id = :topic
				union all select 'B', blocked_id from member_block where blocker_id = :me
				union all select 'B', blocker_id from member_block where blocked_id = :me""")
				.param("me", memberId).param("topic", topicId)
				.query((ResultSet rs) -> {
					switch (rs.getString(1)) {
						case "F" -> following[0] = true;
						case "R" -> lastRead[0] = rs.getInt(2);
						default -> blocks.add(rs.getLong(2));
					}
				});
		return new Personal(following[0], lastRead[0], blocks);
	}

	/**
	 * Hidden, pending and deleted posts keep their place but not their text, except for author and
	 * staff; posts between members who blocked each other are collapsed for both.
	 */
	private static PostView redact(Viewer viewer, PostView post) {
		if (post.blocked()) {
			return new PostView(post.id(), post.number(), post.authorId(), post.authorUsername(), post.authorName(),
					post.authorRole(), "", post.status(), post.createdAt(), null, 0, post.version(), Map.of(), List.of(), true);
		}
		boolean show = switch (post.status()) {
			case VISIBLE -> true;
			case PENDING, HIDDEN -> viewer.is(post.authorId()) || viewer.staff();
			case DELETED -> false;
		};
		if (show) {
			return post;
		}
		return new PostView(post.id(), post.number(), post.authorId(), post.authorUsername(), post.authorName(),
				post.authorRole(), "", post.status(), post.createdAt(), null, 0, post.version(), Map.of(), List.of(), false);
	}

	/** Where a post sits: its topic and number, if this viewer may see the topic. */
	public Optional<long[]> locate(Viewer viewer, long postId) {
		return jdbc.sql("select p.topic_id, p.number from post p where p.id = ?").param(postId)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) })
				.optional()
				.filter(loc -> topic(viewer, loc[0]).isPresent());
	}

	/** The start of a visible post's text, if this viewer may see it: to show what is being flagged. */
	public Optional<String> excerpt(Viewer viewer, long postId) {
		return jdbc.sql("select topic_id, plain_text from post where id = ? and status = 'VISIBLE'").param(postId)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.optional()
				.filter(row -> topic(viewer, (Long) row[0]).isPresent())
				.map(row -> {
					String text = ((String) row[1]).strip();
					return text.length() <= 280 ? text : text.substring(0, 279).stripTrailing() + "…";
				});
	}

	/** A visible post of this topic as a Markdown quote, for pre-filling the reply form. */
	public Optional<String> quote(Viewer viewer, long topicId, long postId) {
		return jdbc.sql("""
				select m.username, p.source from post p join member m on m.id = p.author_id
				where p.id = ? and p.topic_id = ? and p.status = 'VISIBLE'
				and not exists (select 1 from member_block b where (b.blocker_id = ? and b.blocked_id = p.author_id)
				                or (b.blocker_id = p.author_id and b.blocked_id = ?))""")
				.params(postId, topicId, viewer.isMember() ? viewer.memberId() : -1L, viewer.isMember() ? viewer.memberId() : -1L)
				.query((rs, n) -> org.steadfast.text.Markdown.quote(rs.getString(1), rs.getString(2)))
				.optional()
				.filter(q -> topic(viewer, topicId).isPresent());
	}

	/** The URL of a post on its topic page (page and anchor), if this viewer may see it. */
	public Optional<String> postUrl(Viewer viewer, long postId) {
		return locate(viewer, postId).flatMap(loc -> topic(viewer, loc[0]).map(t -> "/t/" + loc[0] + "/" + t.slug()
				+ (pageOf((int) loc[1]) > 1 ? "?page=" + pageOf((int) loc[1]) : "") + "#post-" + loc[1]));
	}

	public int pageOf(int number) {
		return (number - 1) / properties.getPostsPerPage() + 1;
	}

	/** The names of the tags with these ids, by id; tags deleted since are left out. */
	public Map<Long, String> tagNames(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from tag where id in (:ids)").param("ids", ids)
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
				.list()
				.forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

	public List<TagSummary> tags() {
		return jdbc.sql("select name, description, topic_count from tag order by topic_count desc, name")
				.query((rs, n) -> new TagSummary(rs.getString(1), rs.getString(2), rs.getInt(3)))
				.list();
	}

	public Optional<TagSummary> tag(String name) {
		return jdbc.sql("select name, description, topic_count from tag where name = ?").param(name)
				.query((rs, n) -> new TagSummary(rs.getString(1), rs.getString(2), rs.getInt(3)))
				.optional();
	}

	public List<Revision> revisions(long postId) {
		return jdbc.sql("""
				select r.html, r.created_at, m.username from post_revision r join member m on m.id = r.editor_id
				where r.post_id = ? order by r.created_at desc, r.id desc""")
				.param(postId)
				.query((rs, n) -> new Revision(rs.getString(1), Utc.read(rs, "created_at"), rs.getString(3)))
				.list();
	}

	/** How many topics each category shows to this viewer, in category order. */
	public Map<Long, Integer> visibleTopicCounts(Viewer viewer) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		bindViewer(jdbc.sql("select t.category_id, count(*) from topic t where " + VISIBLE_TOPIC
				+ " group by t.category_id"), viewer)
				.query((ResultSet rs) -> {
					counts.put(rs.getLong(1), rs.getInt(2));
				});
		return counts;
	}

	public static JdbcClient.StatementSpec bindViewer(JdbcClient.StatementSpec statement, Viewer viewer) {
		return statement.param("me", viewer.isMember() ? viewer.memberId() : -1L)
				.param("member", viewer.isMember() ? 1 : 0)
				.param("partner", viewer.isMember() && viewer.partnerId() != null ? viewer.partnerId() : -1L);
	}

	private static TopicSummary summary(ResultSet rs, int n) throws SQLException {
		return new TopicSummary(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
				TopicKind.valueOf(rs.getString("kind")), Visibility.valueOf(rs.getString("visibility")),
				rs.getString("category_slug"), rs.getString("category_name"), rs.getString("author_username"),
				rs.getString("author_name"), rs.getInt("reply_count"), Utc.read(rs, "created_at"),
				Utc.read(rs, "last_posted_at"), rs.getString("last_username"), rs.getString("last_name"),
				rs.getBoolean("pinned"), rs.getBoolean("locked"), rs.getObject("helpful_post_id") != null,
				(Integer) rs.getObject("last_read_number", Integer.class), List.of(), null);
	}

	/** A time column as an instant; the same as {@link Utc#read}, which new code calls directly. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return Utc.read(rs, column);
	}
}
