package org.steadfast.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A path or parameter that is not what the route takes (an id that is not a plain number, a
 * number too large for its type) gets the error page in the layout: a path naming nothing is
 * "not found", a parameter that cannot be read is a bad request. Never a 500.
 */
@ControllerAdvice
class BadInputErrors {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
		int status = e.getParameter().hasParameterAnnotation(PathVariable.class) ? 404 : 400;
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reasonKey", null);
		return "error";
	}
}
