package org.steadfast.web.internal;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every cookie the server writes is SameSite=Lax unless it says otherwise, including those that
 * only clear a cookie at sign-out. (Secure follows the request: set whenever it came over TLS.)
 */
@Configuration
class CookieConfig {

	@Bean
	CookieSameSiteSupplier laxCookies() {
		return CookieSameSiteSupplier.ofLax();
	}
}
