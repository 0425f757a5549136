package org.steadfast.forum.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.forum.Post;

/** Tells the author, on the page they land on, what screening did with what they just wrote. */
final class Screened {

	private Screened() {
	}

	static void tell(RedirectAttributes redirect, Post post) {
		if (post == null) {
			return;
		}
		if (post.isCrisis()) {
			redirect.addFlashAttribute("crisis", true);
		}
		if (!post.getHeldFor().isEmpty()) {
			redirect.addFlashAttribute("notice", "held." + post.getHeldFor().iterator().next());
		}
	}
}
