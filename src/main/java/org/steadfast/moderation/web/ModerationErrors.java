package org.steadfast.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.steadfast.moderation.ModerationException;

/** Refusals become 404, 403, 400 or 409 pages with the reason, never a 500. */
@ControllerAdvice(basePackageClasses = ModerationErrors.class)
class ModerationErrors {

	@ExceptionHandler(ModerationException.class)
	String refused(ModerationException e, HttpServletResponse response, Model model) {
		int status = switch (e.reason()) {
			case NOT_FOUND -> 404;
			case FORBIDDEN -> 403;
			case INVALID -> 400;
			case CONFLICT -> 409;
		};
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reasonKey", status == 404 ? null : e.messageKey());
		return "error";
	}

}
