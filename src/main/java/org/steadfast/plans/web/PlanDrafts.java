package org.steadfast.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.steadfast.web.FormRescue;

/** The check-in form's drafts, kept by the forum's {@link org.steadfast.forum.Drafts}. */
final class PlanDrafts {

	private PlanDrafts() {
	}

	static Map<String, String> fields(CheckInForm form) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("day", form.day() == null ? "" : form.day());
		fields.put("kept", form.kept() == null ? "" : form.kept());
		fields.put("mood", form.mood() == null ? "" : form.mood());
		fields.put("urge", form.urge() == null ? "" : form.urge());
		fields.put("note", form.note() == null ? "" : form.note());
		return fields;
	}

	/** The line over an offered draft: kept, or kept across an ended session (said once). */
	static void offer(String place, HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		boolean ended = session != null && place.equals(session.getAttribute(FormRescue.NOTICE));
		if (ended) {
			session.removeAttribute(FormRescue.NOTICE);
		}
		model.addAttribute("draftPlace", place);
		model.addAttribute("draftNotice", ended ? "draft.sessionEnded" : "draft.kept");
	}
}
