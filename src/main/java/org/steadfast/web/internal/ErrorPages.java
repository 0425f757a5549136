package org.steadfast.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.steadfast.common.Refusal;

/**
 * The one place where what no form can show becomes an error page in the layout, never a 500:
 * a refused action (404 without saying whether the thing exists, 403, 400, 409, 429 or 503 with the
 * reason), a write that lost to concurrent ones, and a path or parameter that is not what the route
 * takes (an id that is not a plain number, see {@link StrictNumbers}, or one too large for its type;
 * an id that is a number but names nothing stays "not found").
 */
@ControllerAdvice
class ErrorPages {

	@ExceptionHandler(Refusal.class)
	String refused(Refusal e, HttpServletResponse response, Model model) {
		return page(e.httpStatus(), e.reason() == Refusal.Reason.NOT_FOUND ? null : e.messageKey(), response, model);
	}

	/**
	 * A write that lost to concurrent ones on a path without a form to keep its text (a forum
	 * write retries first, see RetriedWhenBusy): 503 and try again.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	String busy(ConcurrencyFailureException e, HttpServletResponse response, Model model) {
		response.setHeader("Retry-After", "2");
		return page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.busy", response, model);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
		return page(HttpServletResponse.SC_BAD_REQUEST, null, response, model);
	}

	private static String page(int status, String reasonKey, HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reasonKey", reasonKey);
		return "error";
	}
}
