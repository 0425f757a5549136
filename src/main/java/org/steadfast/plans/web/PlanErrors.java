package org.steadfast.plans.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.steadfast.plans.PlanException;

/** Refusals no form can show become 404 (never revealing a plan exists) or 403, never a 500. */
@ControllerAdvice(basePackageClasses = PlanErrors.class)
class PlanErrors {

	@ExceptionHandler(PlanException.class)
	String refused(PlanException e, HttpServletResponse response, Model model) {
		int status = switch (e.reason()) {
			case NOT_FOUND -> 404;
			case FORBIDDEN -> 403;
			case INVALID -> 400;
		};
		return page(status, e.reason() == PlanException.Reason.NOT_FOUND ? null : e.messageKey(), response, model);
	}


	private static String page(int status, String reasonKey, HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reasonKey", reasonKey);
		return "error";
	}
}
