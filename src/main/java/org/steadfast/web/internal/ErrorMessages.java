package org.steadfast.web.internal;

import java.util.Set;
import org.springframework.stereotype.Component;

/** Picks the message keys of the error page for a status, with a kind fallback for the rest. */
@Component("errorMessages")
class ErrorMessages {

	private static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 413, 429, 500, 503);

	public String titleKey(Object status) {
		return "error." + code(status) + ".title";
	}

	public String textKey(Object status) {
		return "error." + code(status) + ".text";
	}

	private static String code(Object status) {
		int code = status instanceof Number n ? n.intValue() : 500;
		if (KNOWN.contains(code)) {
			return String.valueOf(code);
		}
		return code >= 500 ? "500" : "400";
	}
}
