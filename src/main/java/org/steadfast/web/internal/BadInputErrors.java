package org.steadfast.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A path or parameter that is not what the route takes (an id that is not a plain number, see
 * {@link StrictNumbers}, or one too large for its type) is a bad request, shown on the error page
 * in the layout; an id that is a number but names nothing stays "not found". Never a 500.
 */
@ControllerAdvice
class BadInputErrors {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("reasonKey", null);
		return "error";
	}
}
