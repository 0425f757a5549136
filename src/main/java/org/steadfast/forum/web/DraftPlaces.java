package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.steadfast.forum.Drafts;
import org.steadfast.web.FormRescue;

/** Where the form of a draft's place lives, and the one-time line that a session had ended. */
final class DraftPlaces {

	private DraftPlaces() {
	}

	static String formPath(String place) {
		if (Drafts.NEW_TOPIC.equals(place)) {
			return "/t/new";
		}
		if (Drafts.NEW_PLAN.equals(place)) {
			return "/plans/new";
		}
		String id = place.substring(place.indexOf(':') + 1);
		if (place.startsWith("reply:")) {
			return "/t/" + id + "#reply";
		}
		if (place.startsWith("checkin:")) {
			return "/plans/" + id + "#checkin";
		}
		return "/plans/" + id + "/edit";
	}

	/**
	 * True once after the member's text for this place was kept across an ended session: the form
	 * says so on the next visit. Reading the line removes it, as a flash message would.
	 */
	static boolean sessionEnded(HttpServletRequest request, String place) {
		HttpSession session = request.getSession(false);
		if (session == null || !place.equals(session.getAttribute(FormRescue.NOTICE))) {
			return false;
		}
		session.removeAttribute(FormRescue.NOTICE);
		return true;
	}
}
