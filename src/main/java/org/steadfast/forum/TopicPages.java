package org.steadfast.forum;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Blocks;
import org.steadfast.accounts.Role;
import org.steadfast.common.Utc;
import org.steadfast.forum.ForumViews.PostView;
import org.steadfast.forum.ForumViews.Revision;
import org.steadfast.forum.ForumViews.TopicHeader;
import org.steadfast.forum.ForumViews.TopicPage;
import org.steadfast.text.Markdown;
import org.steadfast.web.ContentChanges;

/**
 * A topic's pages as a reader sees them: the page every reader shares, kept until the next write
 * anyone could see, with the reader's own part laid over it (what they may read, their blocks,
 * reactions, following and read marker). Also what the reply and edit forms show of a topic.
 */
@Service
// As ForumQueries: reads in auto-commit, joining a writing transaction when called inside one.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class TopicPages {

	private final JdbcClient jdbc;
	private final ForumQueries forum;
	private final ForumProperties properties;
	private final ContentChanges changes;
	private final Blocks blocks;
	/** Topic pages as every reader shares them (null when switched off); see {@link #sharedPage}. */
	private final Cache<PageKey, KeptPage> sharedPages;

	TopicPages(JdbcClient jdbc, ForumQueries forum, ForumProperties properties, ContentChanges changes, Blocks blocks) {
		this.jdbc = jdbc;
		this.forum = forum;
		this.properties = properties;
		this.changes = changes;
		this.blocks = blocks;
		this.sharedPages = properties.isSharedPageCache()
				? Caffeine.newBuilder()
						.maximumWeight(properties.getSharedPageCacheBytes())
						.weigher((PageKey key, KeptPage kept) -> 512 + kept.page().rows().stream()
								.mapToInt(row -> 2 * row.html().length() + 256).sum())
						.build()
				: null;
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
		return Optional.of(new TopicPage(mineHeader, posts, helpful, shared.page(), shared.pages(), personal.replyDraft()));
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
	private record Personal(boolean following, int lastRead, Set<Long> blocks, Drafts.Draft replyDraft) {
		static final Personal GUEST = new Personal(false, 0, Set.of(), null);
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
		TopicHeader header = forum.header(-1L, topicId).orElse(null);
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
		List<String> tags = forum.tagsOf(List.of(topicId)).getOrDefault(topicId, List.of());
		TopicHeader withTags = new TopicHeader(header.id(), header.title(), header.slug(), header.kind(),
				header.visibility(), header.status(), header.categoryId(), header.categorySlug(), header.categoryName(),
				header.advice(), header.categoryArchived(), header.authorId(), header.authorUsername(),
				header.authorName(), header.replyCount(), header.createdAt(), header.lastPostedAt(), header.pinned(),
				header.locked(), header.helpfulPostId(), tags, false, 0);
		return Optional.of(new SharedPage(withTags, rows, reactions, p, pages));
	}

	/**
	 * Following, read marker, blocks (either way) and the kept reply draft of a member, in one
	 * statement: who blocked whom is asked as accounts words it ({@link Blocks#EITHER_WAY_OF_ME}),
	 * inside this statement.
	 */
	private Personal personal(long memberId, long topicId) {
		boolean[] following = { false };
		int[] lastRead = { 0 };
		Set<Long> blocked = new HashSet<>();
		Drafts.Draft[] draft = { null };
		jdbc.sql("""
				select 'F' as what, 0 as val, null as kept, null as saved_at from topic_follow where member_id = :me and topic_id = :topic
				union all select 'R', last_read_number, null, null from topic_read where member_id = :me and topic_id = :topic
				union all select 'D', 0, form_fields, updated_at from draft where member_id = :me and place = :draft
				union all select 'B', b.member_id, null, null from (""" + Blocks.EITHER_WAY_OF_ME + ") b")
				.param("me", memberId).param("topic", topicId).param("draft", Drafts.reply(topicId))
				.query((ResultSet rs) -> {
					switch (rs.getString(1)) {
						case "F" -> following[0] = true;
						case "R" -> lastRead[0] = rs.getInt(2);
						case "D" -> draft[0] = new Drafts.Draft(Drafts.reply(topicId), Drafts.decode(rs.getString(3)),
								Utc.read(rs, "saved_at"));
						default -> blocked.add(rs.getLong(2));
					}
				});
		return new Personal(following[0], lastRead[0], blocked, draft[0]);
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

	/**
	 * A visible post of this topic as a Markdown quote, for pre-filling the reply form; none of a
	 * member who blocked the reader or whom the reader blocked.
	 */
	public Optional<String> quote(Viewer viewer, long topicId, long postId) {
		record Quoted(long authorId, String quote) {
		}
		return jdbc.sql("""
				select p.author_id, m.username, p.source from post p join member m on m.id = p.author_id
				where p.id = ? and p.topic_id = ? and p.status = 'VISIBLE'""")
				.params(postId, topicId)
				.query((rs, n) -> new Quoted(rs.getLong(1), Markdown.quote(rs.getString(2), rs.getString(3))))
				.optional()
				.filter(q -> !viewer.isMember() || !blocks.eitherWay(viewer.memberId(), q.authorId()))
				.map(Quoted::quote)
				.filter(q -> forum.topic(viewer, topicId).isPresent());
	}

	/** A post's earlier versions, newest first, with who edited them. */
	public List<Revision> revisions(long postId) {
		return jdbc.sql("""
				select r.id, r.html, r.created_at, m.username from post_revision r join member m on m.id = r.editor_id
				where r.post_id = ? order by r.created_at desc, r.id desc""")
				.param(postId)
				.query((rs, n) -> new Revision(rs.getLong(1), rs.getString(2), Utc.read(rs, "created_at"), rs.getString(4)))
				.list();
	}
}
