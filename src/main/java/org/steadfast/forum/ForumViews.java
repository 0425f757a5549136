package org.steadfast.forum;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.steadfast.accounts.Role;

/**
 * Read models the pages render: built by {@link ForumQueries} and {@link TopicPages} from
 * projections, never entities.
 */
public final class ForumViews {

	private ForumViews() {
	}

	/** One page of a list, with enough to draw the page links. */
	public record Listing<T>(List<T> items, int page, boolean hasNext) {
		public boolean hasPrevious() {
			return page > 1;
		}
	}

	public record TopicSummary(long id, String title, String slug, TopicKind kind, Visibility visibility,
			String categorySlug, String categoryName, String authorUsername, String authorName, int replyCount,
			Instant createdAt, Instant lastPostedAt, String lastPosterUsername, String lastPosterName, boolean pinned,
			boolean locked, boolean answeredHelpfully, Integer lastReadNumber, List<String> tags, String href) {

		/** With its tags and the link a reader follows: to the first unread post when there is one. */
		public TopicSummary complete(List<String> tags, int postsPerPage) {
			String link = Links.topic(id, slug);
			if (unreadByMember()) {
				int page = (firstUnread() - 1) / postsPerPage + 1;
				link = Links.post(id, slug, page, firstUnread());
			}
			return new TopicSummary(id, title, slug, kind, visibility, categorySlug, categoryName, authorUsername,
					authorName, replyCount, createdAt, lastPostedAt, lastPosterUsername, lastPosterName, pinned, locked,
					answeredHelpfully, lastReadNumber, tags, link);
		}

		public int postCount() {
			return replyCount + 1;
		}

		/** Posts added since the member last read this topic; 0 when read or never opened by a guest. */
		public int newPosts() {
			return lastReadNumber == null ? 0 : Math.max(0, postCount() - lastReadNumber);
		}

		public boolean unreadByMember() {
			return lastReadNumber != null && newPosts() > 0;
		}

		/** The first post the member has not read yet (1 when they never opened the topic). */
		public int firstUnread() {
			return lastReadNumber == null ? 1 : Math.min(lastReadNumber + 1, postCount());
		}
	}

	/** A topic as its page shows it; {@code following} and {@code lastRead} (0 when never read) are the viewer's. */
	public record TopicHeader(long id, String title, String slug, TopicKind kind, Visibility visibility,
			ContentStatus status, long categoryId, String categorySlug, String categoryName, boolean advice,
			boolean categoryArchived, long authorId, String authorUsername, String authorName, int replyCount,
			Instant createdAt, Instant lastPostedAt, boolean pinned, boolean locked, Long helpfulPostId, List<String> tags,
			boolean following, int lastRead) {

		public int postCount() {
			return replyCount + 1;
		}
	}

	public record PostView(long id, int number, long authorId, String authorUsername, String authorName,
			Role authorRole, String html, ContentStatus status, Instant createdAt, Instant editedAt, int editCount,
			long version, Map<ReactionKind, Integer> reactions, List<ReactionKind> mine, boolean blocked) {

		/** Shown in full: visible and not between members who blocked each other. */
		public boolean visible() {
			return status == ContentStatus.VISIBLE && !blocked;
		}

		public boolean edited() {
			return editCount > 0;
		}

		public int reactionCount(ReactionKind kind) {
			return reactions.getOrDefault(kind, 0);
		}

		public boolean reacted(ReactionKind kind) {
			return mine.contains(kind);
		}
	}

	/** The topic page: the header, this page's posts, and the post marked as the advice that helped. */
	/** replyDraft: the viewer's kept reply to this topic, or null (a guest, or nothing kept). */
	public record TopicPage(TopicHeader topic, List<PostView> posts, PostView helpful, int page, int pages,
			Drafts.Draft replyDraft) {
	}

	public record CategoryView(long id, String slug, String name, String description, boolean advice,
			boolean archived) {

		public static CategoryView of(Category c) {
			return new CategoryView(c.getId(), c.getSlug(), c.getName(), c.getDescription(), c.isAdvice(), c.isArchived());
		}
	}

	public record TagSummary(String name, String description, int topicCount) {
	}

	public record Revision(long id, String html, Instant createdAt, String editorUsername) {
	}
}
