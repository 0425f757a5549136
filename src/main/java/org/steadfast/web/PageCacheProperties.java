package org.steadfast.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The caches of rendered pages and posts ({@code steadfast.web.*}). */
@ConfigurationProperties("steadfast.web")
public class PageCacheProperties {

	private final PageCache pageCache = new PageCache();
	private final RenderedPosts renderedPosts = new RenderedPosts();

	/** Whole pages as guests see them, replayed without rendering. */
	public static class PageCache {

		/** Keep guests' pages at all. */
		private boolean enabled = true;
		/**
		 * How long a kept page may be served: a write empties this node's cache at once, other
		 * nodes' copies age out within this.
		 */
		private Duration ttl = Duration.ofSeconds(60);
		/** At most this much of kept pages (a plain number is bytes). */
		private DataSize maxBytes = DataSize.ofMegabytes(64);

		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean v) { enabled = v; }
		public Duration getTtl() { return ttl; }
		public void setTtl(Duration v) { ttl = v; }
		public DataSize getMaxBytes() { return maxBytes; }
		public void setMaxBytes(DataSize v) { maxBytes = v; }
	}

	/** Each post as rendered for a kind of reader, reused across pages. */
	public static class RenderedPosts {

		/** At most this much of kept renderings (a plain number is bytes). */
		private DataSize maxBytes = DataSize.ofMegabytes(32);

		public DataSize getMaxBytes() { return maxBytes; }
		public void setMaxBytes(DataSize v) { maxBytes = v; }
	}

	public PageCache getPageCache() { return pageCache; }
	public RenderedPosts getRenderedPosts() { return renderedPosts; }
}
