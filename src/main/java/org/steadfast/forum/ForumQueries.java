package org.steadfast.forum;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumViews.Listing;
import org.steadfast.forum.ForumViews.TagSummary;
import org.steadfast.forum.ForumViews.TopicHeader;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.web.Pages;

/**
 * The read side of the forum, but for topic pages ({@link TopicPages}): lists of topics, topic
 * headers, where a post sits, tags. Each page is a fixed, small number of SQL statements (no
 * N+1), and visibility is part of every query's WHERE clause rather than a filter applied afterwards.
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

	ForumQueries(JdbcClient jdbc, ForumProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
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
		return withTags(topicIds.stream().distinct().map(found::get).filter(Objects::nonNull).toList());
	}

	private Listing<TopicSummary> topics(Viewer viewer, String filter, String order, Map<String, Object> params,
			int page) {
		int size = properties.getTopicsPerPage();
		int p = Pages.clamp(page);
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

	Map<Long, List<String>> tagsOf(List<Long> topicIds) {
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
	Optional<TopicHeader> header(long me, long topicId) {
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

	/** The URL of a post on its topic page (page and anchor), if this viewer may see it. */
	public Optional<String> postUrl(Viewer viewer, long postId) {
		return locate(viewer, postId).flatMap(loc -> topic(viewer, loc[0])
				.map(t -> Links.post(loc[0], t.slug(), pageOf((int) loc[1]), (int) loc[1])));
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
}
