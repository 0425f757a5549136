package org.steadfast.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.steadfast.web.ContentChanges;
import org.steadfast.web.PageCacheProperties;

/**
 * The guest page cache ({@link AnonymousPageCache}), in front of Spring Security so that a
 * cached page costs no security work; it replays the headers the page was rendered with.
 */
@Configuration
@ConditionalOnProperty(name = "steadfast.web.page-cache.enabled", havingValue = "true", matchIfMissing = true)
class PageCacheConfig {

	@Bean
	AnonymousPageCache anonymousPageCache(ContentChanges changes, PageCacheProperties properties) {
		PageCacheProperties.PageCache settings = properties.getPageCache();
		return new AnonymousPageCache(changes, settings.getTtl(), settings.getMaxBytes().toBytes());
	}

	@Bean
	FilterRegistrationBean<AnonymousPageCache> anonymousPageCacheRegistration(AnonymousPageCache cache) {
		var registration = new FilterRegistrationBean<>(cache);
		// Before Spring Security's chain (-100), after the character-encoding filter, and outside
		// Spring Session's filter (HIGHEST_PRECEDENCE + 50, cluster profile), so that a session it
		// creates shows as a Set-Cookie here and the page is not stored.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 49);
		registration.addUrlPatterns("/*");
		return registration;
	}
}
