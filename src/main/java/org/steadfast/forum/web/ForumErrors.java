package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.steadfast.forum.ForumException;

/**
 * A refused forum action that no form can show (a missing topic, someone else's post) becomes
 * the matching error page: 404 or 403 with a clear message, never a 500. It applies to every
 * controller, since plans and moderation write through the forum too.
 */
@ControllerAdvice
class ForumErrors {

	@ExceptionHandler(ForumException.class)
	String refused(ForumException e, HttpServletResponse response, Model model) {
		response.setStatus(e.httpStatus());
		model.addAttribute("status", e.httpStatus());
		model.addAttribute("reasonKey", e.reason() == ForumException.Reason.NOT_FOUND ? null : e.messageKey());
		return "error";
	}

	/**
	 * A write that lost to concurrent ones on a path without a form to keep its text (a forum
	 * write retries first, see RetriedWhenBusy): 503 and try again, never a 500.
	 */
	@ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
	String busy(org.springframework.dao.ConcurrencyFailureException e, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "2");
		model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		model.addAttribute("reasonKey", "error.busy");
		return "error";
	}
}
