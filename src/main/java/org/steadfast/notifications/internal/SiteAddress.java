package org.steadfast.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the site is ({@code steadfast.base-url}): every link in a mail starts here, never from a
 * request's Host header. Required; application.yml sets it from {@code STEADFAST_BASE_URL}.
 */
@ConfigurationProperties("steadfast")
record SiteAddress(String baseUrl) {

	SiteAddress {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalStateException("steadfast.base-url is not set");
		}
	}

	/** The base URL without a trailing slash, to put paths after. */
	String root() {
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}
}
