package org.steadfast.forum.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.common.Refusal;

/** Runs an admin or moderator action and flashes its outcome for the page it redirects to. */
final class Flash {

	private Flash() {
	}

	/** The notice on success; the refusal's message under {@code errorAttribute}; 404 stays a 404. */
	static void outcome(RedirectAttributes redirect, String notice, String errorAttribute, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (Refusal e) {
			if (e.reason() == Refusal.Reason.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute(errorAttribute, e.messageKey());
		}
	}
}
