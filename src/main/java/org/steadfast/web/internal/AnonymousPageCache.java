package org.steadfast.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steadfast.web.ContentChanges;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of public pages as a guest sees them, so that the thousands of guests
 * reading the same topic cost one rendering, not thousands.
 * <p>
 * It can never hold private content: only requests without a session or remember-me cookie (a
 * guest, whom every query shows public content only) are answered from it or stored in it, and a
 * response is stored only when it created no session and set no cookie. It never shows stale
 * content after a write: a page is served only while {@link ContentChanges} has not moved since it
 * was rendered (every committed write that a reader could see moves it), and a page rendered while
 * a write committed is not stored. Entries
 * also expire after {@code ttl}, so that "5 min ago" and day counters move on.
 * <p>
 * Rendering a page again happens once, not once per waiting reader: when a page is missing (after a
 * write, or at first), the first request renders it and requests for the same page arriving
 * meanwhile wait for that rendering and are answered from it, provided no write committed since it
 * began. When a page is merely older than {@code ttl} (and no write changed it), one request
 * renders it afresh while the others are still answered from the old copy, so that pages expiring
 * together do not make every reader wait at once.
 * <p>
 * Stored pages carry an ETag (a conditional request gets 304) and a gzip copy for clients that
 * accept it.
 */
class AnonymousPageCache extends OncePerRequestFilter {

	/**
	 * Session and remember-me cookies: either means the request may be someone's, never cached.
	 * {@code SESSION} is the session cookie of the cluster profile (sessions in the database).
	 */
	private static final List<String> PERSONAL_COOKIES = List.of("JSESSIONID", "SESSION", "remember-me");

	/**
	 * Pages that guests read, searches included: a guest's search shows public content only, and
	 * the same few searches are made over and over.
	 */
	private static final List<String> PREFIXES = List.of("/latest", "/unanswered", "/c/", "/t/", "/tags", "/p/",
			"/plans/", "/checkins", "/u/", "/help", "/search");

	private static final int MAX_PAGE_BYTES = 1 << 20;

	/** Set by {@link GlobalModel} when a signed-in member's page is rendered: such a page is never stored. */
	static final String RENDERED_FOR_MEMBER = AnonymousPageCache.class.getName() + ".member";

	/** How long a request waits for another request's rendering of the same page before rendering it itself. */
	private static final long WAIT_FOR_RENDERING_MS = 5_000;

	record Page(byte[] body, byte[] gzip, String etag, List<Map.Entry<String, String>> headers, long generation,
			long renderedAt) {
	}

	private final Cache<String, Page> pages;
	private final ContentChanges changes;
	private final long ttlNanos;
	/** Pages being rendered now, by key: requests for the same page wait for them. */
	private final ConcurrentHashMap<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

	AnonymousPageCache(ContentChanges changes, Duration ttl, long maxBytes) {
		this.changes = changes;
		this.ttlNanos = ttl.toNanos();
		this.pages = Caffeine.newBuilder()
				// Kept up to twice the ttl: past the ttl a page is only served while it is being rendered afresh.
				.expireAfterWrite(ttl.multipliedBy(2))
				.maximumWeight(maxBytes)
				.weigher((String key, Page page) -> page.body().length + page.gzip().length + key.length())
				.build();
	}

	/** Empties the cache; pages being rendered now will not be stored. */
	void evictAll() {
		changes.changed();
		pages.invalidateAll();
	}

	long size() {
		pages.cleanUp();
		return pages.estimatedSize();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!cacheable(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		long current = changes.current();
		Page page = pages.getIfPresent(key);
		CompletableFuture<Page> mine = new CompletableFuture<>();
		if (page != null && page.generation() == current) {
			boolean fresh = System.nanoTime() - page.renderedAt() < ttlNanos;
			if (fresh || rendering.putIfAbsent(key, mine) != null) {
				serve(page, request, response);
				return;
			}
		}
		else {
			CompletableFuture<Page> other = rendering.putIfAbsent(key, mine);
			if (other != null) {
				Page rendered = await(other);
				// Only a rendering that began after the last write (none committed since) answers this request.
				if (rendered != null && rendered.generation() == changes.current()) {
					serve(rendered, request, response);
				}
				else {
					render(key, request, response, chain);
				}
				return;
			}
		}
		try {
			mine.complete(render(key, request, response, chain));
		}
		finally {
			mine.complete(null);
			rendering.remove(key, mine);
		}
	}

	/** Renders the page and keeps it if it may be kept; returns the kept page, or null. */
	private Page render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long before = changes.current();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, wrapper);
			if (storable(request, wrapper)) {
				Page rendered = page(wrapper, before);
				// Stored only if no write committed while it was rendered.
				if (changes.current() == before) {
					pages.put(key, rendered);
					return rendered;
				}
			}
			return null;
		}
		finally {
			wrapper.copyBodyToResponse();
		}
	}

	private static Page await(CompletableFuture<Page> rendering) {
		try {
			return rendering.get(WAIT_FOR_RENDERING_MS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException e) {
			return null;
		}
	}

	private static boolean cacheable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (PERSONAL_COOKIES.contains(cookie.getName())) {
					return false;
				}
			}
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/") || PREFIXES.stream().anyMatch(path::startsWith);
	}

	private static String key(HttpServletRequest request) {
		String query = request.getQueryString();
		String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		return request.getRequestURI() + (query == null ? "" : "?" + query) + "|"
				+ (language == null ? "" : language.length() > 64 ? language.substring(0, 64) : language);
	}

	private static boolean storable(HttpServletRequest request, ContentCachingResponseWrapper response) {
		String type = response.getContentType();
		return response.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
				&& request.getAttribute(RENDERED_FOR_MEMBER) == null && request.getSession(false) == null && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
				&& response.getContentSize() <= MAX_PAGE_BYTES;
	}

	private static Page page(ContentCachingResponseWrapper response, long generation) {
		byte[] body = response.getContentAsByteArray();
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			String lower = name.toLowerCase(Locale.ROOT);
			// Caching headers are set for the stored copy below; the length is the copy's own.
			if (lower.equals("cache-control") || lower.equals("pragma") || lower.equals("expires")
					|| lower.equals("content-length") || lower.equals("date") || lower.equals("vary")
					|| lower.equals("x-request-id")) {
				continue;
			}
			for (String value : response.getHeaders(name)) {
				headers.add(Map.entry(name, value));
			}
		}
		if (response.getHeader(HttpHeaders.CONTENT_LANGUAGE) == null && response.getLocale() != null) {
			headers.add(Map.entry(HttpHeaders.CONTENT_LANGUAGE, response.getLocale().toLanguageTag()));
		}
		if (response.getContentType() != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
			headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
		}
		return new Page(body, gzip(body), etag(body), List.copyOf(headers), generation, System.nanoTime());
	}

	private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		for (Map.Entry<String, String> header : page.headers()) {
			response.addHeader(header.getKey(), header.getValue());
		}
		// Public pages: a browser may keep them but asks again each time (and gets 304 if unchanged).
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Cookie");
		response.setHeader(HttpHeaders.ETAG, page.etag());
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && (ifNoneMatch.contains(page.etag()) || ifNoneMatch.trim().equals("*"))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		byte[] body = page.body();
		if (encodings != null && encodings.toLowerCase(Locale.ROOT).contains("gzip")) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = page.gzip();
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] gzip(byte[] body) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				gzip.write(body);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
