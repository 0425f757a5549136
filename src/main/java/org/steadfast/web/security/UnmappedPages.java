package org.steadfast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The rule for every address that is not a public page: a signed-in member, or a GET (or HEAD)
 * that no controller answers, which then is "Page not found" for everyone instead of a request to
 * sign in. A sign-in page for a typo would tell a guest nothing true, and a member's bookmark of a
 * page that has gone should say so. Members never pay for the lookup; guests only off the public pages.
 */
final class UnmappedPages implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();

	private final Supplier<HandlerMapping> controllers;

	UnmappedPages(Supplier<HandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		AuthorizationResult member = signedIn.authorize(authentication, context);
		if (member != null && member.isGranted()) {
			return member;
		}
		return new AuthorizationDecision(unmapped(context.getRequest()));
	}

	private boolean unmapped(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		// The security filters run before the DispatcherServlet has parsed the path for its mappings.
		boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
		try {
			if (parsedHere) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			// A controller that knows the address answers with attributes of its match; the request is
			// then refused (sent to sign in), so the DispatcherServlet never sees them.
			return controllers.get().getHandler(request) == null;
		}
		catch (Exception e) {
			// A controller knows the address (for another method, say): the usual rule applies.
			return false;
		}
		finally {
			if (parsedHere) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
