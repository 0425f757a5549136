package org.steadfast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.context.SecurityContextRepository;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.web.FormRescue;
import org.steadfast.web.FormRescue.Kept;

/**
 * What happens to a form sent after its session ended or with a stale CSRF token, when a module
 * recognises it ({@link FormRescue}): the text is never dropped on a 403.
 * <ul>
 * <li>The member is still known (a live session, or a remember-me cookie): the text becomes their
 * draft and they go back to the form, which says why.</li>
 * <li>Nobody is known: the text waits in this browser's new session, for that place only, and the
 * browser goes to the sign-in page. Whoever signs in next gets it as their draft only if they are
 * the member the form was issued to (its signed token says who); anyone else signing in on that
 * browser never sees it, and it is dropped.</li>
 * </ul>
 * Both happen on a POST (the form's own, or the sign-in's): no GET changes anything.
 */
final class StaleForms {

	/** Session attribute holding the one kept form while nobody is signed in. */
	static final String KEPT = StaleForms.class.getName() + ".KEPT";

	private final Supplier<List<FormRescue>> rescues;
	private final RememberMeServices rememberMe;
	private final SecurityContextRepository contexts;
	private final RememberedMembers remembered;

	/** Turns what a remember-me cookie names into a signed-in member (the sign-in checks included). */
	interface RememberedMembers {
		Authentication authenticate(Authentication remembered);
	}

	StaleForms(Supplier<List<FormRescue>> rescues, RememberMeServices rememberMe, SecurityContextRepository contexts,
			RememberedMembers remembered) {
		this.rescues = rescues;
		this.rememberMe = rememberMe;
		this.contexts = contexts;
		this.remembered = remembered;
	}

	/** True when the response was written (a redirect); false lets the 403 page answer. */
	boolean rescue(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<Kept> found = recognise(request);
		if (found.isEmpty()) {
			return false;
		}
		Kept kept = found.get();
		Long known = memberId(SecurityContextHolder.getContext().getAuthentication());
		if (known == null) {
			known = signInRemembered(request, response);
		}
		if (known != null) {
			if (known != kept.memberId() || !adopt(known, kept)) {
				return false;
			}
			request.getSession().setAttribute(FormRescue.NOTICE, kept.place());
			redirect(request, response, kept.formPath());
			return true;
		}
		request.getSession().setAttribute(KEPT, kept);
		redirect(request, response, "/login?ended");
		return true;
	}

	/**
	 * After a sign-in on this browser: the kept form becomes the member's draft and the form is where
	 * they go next, or, when someone else signed in, it is dropped. False when nothing was kept for them.
	 */
	boolean afterSignIn(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
			throws IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(KEPT) instanceof Kept kept)) {
			return false;
		}
		session.removeAttribute(KEPT);
		Long member = memberId(signedIn);
		if (member == null || member != kept.memberId() || !adopt(member, kept)) {
			return false;
		}
		session.setAttribute(FormRescue.NOTICE, kept.place());
		redirect(request, response, kept.formPath());
		return true;
	}

	private Optional<Kept> recognise(HttpServletRequest request) {
		for (FormRescue rescue : rescues.get()) {
			Optional<Kept> kept = rescue.recognise(request);
			if (kept.isPresent()) {
				return kept;
			}
		}
		return Optional.empty();
	}

	private boolean adopt(long memberId, Kept kept) {
		for (FormRescue rescue : rescues.get()) {
			if (rescue.adopt(memberId, kept)) {
				return true;
			}
		}
		return false;
	}

	/** The remember-me cookie's member, signed in now as the remember-me filter would have done. */
	private Long signInRemembered(HttpServletRequest request, HttpServletResponse response) {
		Authentication cookie = rememberMe.autoLogin(request, response);
		if (cookie == null) {
			return null;
		}
		try {
			Authentication member = remembered.authenticate(cookie);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(member);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			return memberId(member);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static Long memberId(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member ? member.id()
				: null;
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + path);
	}
}
