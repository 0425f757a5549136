package org.steadfast.moderation.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.moderation.SanctionKind;

/**
 * The one guard every request of a signed-in member passes, before any controller runs, so that a
 * new route is guarded without anyone remembering to:
 * <ul>
 * <li><b>Suspended or banned</b>: the member is signed out on their next request, whatever it is
 * (this session ends, their remember-me tokens are deleted), and sees why on a 403 page. Signing
 * in again is refused with the reason and end date, as before.</li>
 * <li><b>Silenced</b>: reading stays open; every POST is refused (403 with the reason) except the
 * few in {@link #SILENCED_MAY}: keeping their own account safe (password, email address,
 * notification and mail settings, reading notifications, unsubscribing), keeping themselves safe
 * (blocking someone, reporting a post or a partner message, an SOS and closing it, declining a
 * proposal, ending a partnership, their private list of an ex's names) and deleting their own posts. Anything others would read, and
 * their own plan's records too (check-ins, slips, the contact log, edits), waits until the silence
 * ends: a silence is read-only.</li>
 * <li><b>Warned</b>: nothing is restricted; a warning is a message the member reads in
 * <i>Messages from moderators</i>.</li>
 * </ul>
 * Routes are named by their mapping pattern; {@code SanctionScenarios} requests every POST route
 * under every sanction and fails on a route it doesn't know.
 */
@Component
class SanctionGuard implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger security = LoggerFactory.getLogger("security");

	/** The POST routes a silenced member may still use (all others are refused). */
	static final Set<String> SILENCED_MAY = Set.of(
			// Their account and privacy.
			"/settings/password", "/settings/email", "/settings/data/export", "/settings/data/delete", "/settings/verify",
			"/settings/notifications",
			"/notifications/{id}/open", "/notifications/{id}/read", "/notifications/read-all", "/unsubscribe/{token}",
			"/t/{id}/follow", "/p/{id}/delete", "/p/{id}/history/{revisionId}/delete",
			// What they are typing stays theirs, kept for when they may post again.
			"/drafts", "/drafts/discard",
			// Forms reached from a mailed link, which guests use too.
			"/register", "/verify", "/email/confirm", "/password/forgot", "/password/reset",
			// Their safety.
			"/u/{username}/block", "/p/{id}/flag", "/partners/messages/{id}/flag", "/partners/sos",
			"/partners/sos/{id}/close", "/partners/proposals/{id}/decline", "/partners/partnerships/{id}/end",
			"/settings/ex-names", "/settings/ex-names/remove", "/settings/ex-names/clear", "/settings/ex-names/choice");

	private final SanctionsInForce sanctions;
	private final ObjectProvider<RememberMeServices> rememberMe;

	SanctionGuard(SanctionsInForce sanctions, ObjectProvider<RememberMeServices> rememberMe) {
		this.sanctions = sanctions;
		this.rememberMe = rememberMe;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod)) {
			return true;
		}
		MemberPrincipal me = CurrentMember.get().orElse(null);
		if (me == null) {
			return true;
		}
		SanctionKind kind = sanctions.of(me.id()).orElse(null);
		if (kind == SanctionKind.SUSPEND || kind == SanctionKind.BAN) {
			signOut(request, response);
			security.info("sanction signed-out member={} kind={}", me.id(), kind);
			throw Refusal.forbidden("sanction.signedOut");
		}
		if (kind == SanctionKind.SILENCE && "POST".equals(request.getMethod()) && !SILENCED_MAY.contains(route(request))) {
			throw Refusal.forbidden("sanction.silence");
		}
		return true;
	}

	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? "" : pattern.toString();
	}

	/** Ends this session and every remember-me token of the member; the page is then shown as to a guest. */
	private void signOut(HttpServletRequest request, HttpServletResponse response) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (rememberMe.getIfAvailable() instanceof LogoutHandler tokens) {
			tokens.logout(request, response, authentication);
		}
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}
}
