package org.steadfast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a GET (or HEAD) that no controller answers, so that an unknown address is "Page not
 * found" for everyone instead of a request to sign in: a sign-in page for a typo would tell a guest
 * nothing true, and a member's bookmark of a page that has gone should say so. Consulted only after
 * the public pages, so the pages guests read most never pay for the lookup.
 */
final class UnmappedPages implements RequestMatcher {

	private final Supplier<HandlerMapping> controllers;

	UnmappedPages(Supplier<HandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			if (parsed == null) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			return controllers.get().getHandler(request) == null;
		}
		catch (Exception e) {
			// A controller knows the address (another method, say): the usual rules apply.
			return false;
		}
		finally {
			if (parsed == null) {
				request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			}
			request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			request.removeAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			request.removeAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
			request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
			request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
			request.removeAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE);
		}
	}
}
