package org.steadfast.forum.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.ForumViews.PostView;
import org.steadfast.forum.ForumViews.TopicHeader;
import org.steadfast.web.PageCacheProperties;
import org.steadfast.web.PageFragments;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The HTML of each post as {@code forum/_post.html} renders it, kept so that a topic page costs 50
 * look-ups instead of 50 renderings of the same posts. The topic page asks for each post with
 * {@code ${@renderedPosts.all(page.posts, topic, me)}} (and the helpful post with {@code html}).
 * <p>
 * A kept post is only ever reused for an identical rendering: the key holds everything the
 * template reads. That is the whole post view (text, status, version, author's name and role,
 * reaction counts and the reader's own reactions, blocked or not), the topic facts the template
 * uses, the reader's relation to the post (guest, member, its author, the topic's author, staff),
 * and the reader's time zone and language. An edit, a reaction or a moderator's decision changes the
 * view and so the key; nothing has to be evicted, and no reader ever gets a rendering made for
 * another relation. The one per-request value inside a rendering, the CSRF token of its forms, is
 * kept as a placeholder and filled with the current request's token on the way out. Kept renderings
 * are stored encoded and spliced into the page's bytes as it is sent ({@link PageFragments}), so a
 * kept post is neither copied as text nor encoded again.
 * <p>
 * Off when templates are not cached (the {@code dev} profile), so that template edits show at once.
 */
@Component("renderedPosts")
public class RenderedPosts {

	private static final String TEMPLATE = "forum/_post-one";

	/** Cannot occur in rendered HTML (a NUL character), so it cannot clash with a post's text. */
	private static final String TOKEN_PLACEHOLDER = "\u0000csrf\u0000";

	/** Shorter tokens are not trusted to be unique inside a rendering; such renderings are not kept. */
	private static final int MIN_TOKEN_LENGTH = 16;

	private enum Reader {
		GUEST, MEMBER, POST_AUTHOR
	}

	/** Everything {@code _post.html} reads, so equal keys render equal HTML. */
	private record Key(PostView post, long topicId, String topicSlug, boolean byTopicAuthor, boolean topicLocked,
			boolean advice, boolean helpful, Reader reader, boolean staff, boolean readerIsTopicAuthor,
			boolean inHelpful, ZoneId zone, Locale locale) {
	}

	private final ITemplateEngine engine;
	private final boolean enabled;
	/** Each kept rendering, encoded, in pieces around the CSRF token's places ({@link PageFragments#pieces}). */
	private final Cache<Key, byte[][]> posts;

	RenderedPosts(ITemplateEngine engine, ThymeleafProperties templates, PageCacheProperties caches) {
		this.engine = engine;
		// Templates read again on every use (the dev profile) would not show in kept renderings.
		this.enabled = templates.isCache();
		this.posts = Caffeine.newBuilder()
				.maximumWeight(caches.getRenderedPosts().getMaxBytes().toBytes())
				// Characters of the kept rendering and of the post's own HTML held by the key.
				.weigher((Key key, byte[][] pieces) -> Arrays.stream(pieces).mapToInt(piece -> piece.length + 16).sum()
						+ 2 * key.post().html().length() + 256)
				.build();
	}

	/** The renderings of a page's posts, in order: one expression for the page instead of one per post. */
	public List<String> all(List<PostView> posts, TopicHeader topic, MemberPrincipal me) {
		List<String> renderings = new ArrayList<>(posts.size());
		for (PostView post : posts) {
			renderings.add(html(post, topic, me, false));
		}
		return renderings;
	}

	public String html(PostView post, TopicHeader topic, MemberPrincipal me, boolean inHelpful) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		// Only members' renderings hold forms; asking a guest's request for its token would start a session.
		String token = me == null ? null : csrfToken(request);
		if (!enabled) {
			return render(post, topic, inHelpful, request, current.getResponse());
		}
		Key key = key(post, topic, me, inHelpful);
		byte[][] kept = posts.getIfPresent(key);
		if (kept == null) {
			String html = render(post, topic, inHelpful, request, current.getResponse());
			if (token == null || token.length() >= MIN_TOKEN_LENGTH) {
				posts.put(key, token == null ? PageFragments.pieces(html, TOKEN_PLACEHOLDER)
						: PageFragments.pieces(html.replace(token, TOKEN_PLACEHOLDER), TOKEN_PLACEHOLDER));
			}
			return html;
		}
		// Spliced into the page as bytes when the page is sent whole; as text otherwise.
		if (PageFragments.accepted(request)) {
			return PageFragments.add(request, kept, token);
		}
		return PageFragments.text(kept, token == null ? "" : token);
	}

	long size() {
		posts.cleanUp();
		return posts.estimatedSize();
	}

	private static Key key(PostView post, TopicHeader topic, MemberPrincipal me, boolean inHelpful) {
		Reader reader = me == null ? Reader.GUEST : me.id() == post.authorId() ? Reader.POST_AUTHOR : Reader.MEMBER;
		boolean helpful = topic.helpfulPostId() != null && topic.helpfulPostId() == post.id();
		return new Key(post, topic.id(), topic.slug(), post.authorId() == topic.authorId(), topic.locked(),
				topic.advice(), helpful, reader, me != null && me.isStaff(), me != null && me.id() == topic.authorId(),
				inHelpful, CurrentMember.zone(), LocaleContextHolder.getLocale());
	}

	/**
	 * Renders the post inside the current request, so links, messages, the {@code @times} helper and
	 * the forms' CSRF fields work as on the page itself. The page's own variables (the evaluation
	 * context, the request context, {@code me}, {@code reactionKinds}) are request attributes while
	 * it renders, and this rendering reads them from there.
	 */
	private String render(PostView post, TopicHeader topic, boolean inHelpful, HttpServletRequest request,
			HttpServletResponse response) {
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response);
		Map<String, Object> variables = Map.of("renderedPost", post, "renderedTopic", topic, "renderedInHelpful",
				inHelpful);
		try {
			return engine.process(TEMPLATE, Set.of("article"), new WebContext(exchange, LocaleContextHolder.getLocale(), variables));
		}
		finally {
			variables.keySet().forEach(request::removeAttribute);
		}
	}

	private static String csrfToken(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return token instanceof CsrfToken csrf ? csrf.getToken() : null;
	}
}
