package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.steadfast.forum.ForumException;

/**
 * A refused forum action that no form can show (a missing topic, someone else's post) becomes
 * the matching error page: 404 or 403 with a clear message, never a 500.
 */
@ControllerAdvice(basePackageClasses = ForumErrors.class)
class ForumErrors {

	@ExceptionHandler(ForumException.class)
	String refused(ForumException e, HttpServletResponse response, Model model) {
		HttpStatus status = switch (e.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN, LOCKED -> HttpStatus.FORBIDDEN;
			case TOO_FAST -> HttpStatus.TOO_MANY_REQUESTS;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("reasonKey", e.reason() == ForumException.Reason.NOT_FOUND ? null : e.messageKey());
		return "error";
	}
}
