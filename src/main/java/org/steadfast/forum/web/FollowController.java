package org.steadfast.forum.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.Follows;

@Controller
class FollowController {

	private final Follows follows;

	FollowController(Follows follows) {
		this.follows = follows;
	}

	@PostMapping("/t/{id}/follow")
	String follow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean follow, RedirectAttributes redirect) {
		if (follow) {
			follows.follow(me.id(), id);
		}
		else {
			follows.unfollow(me.id(), id);
		}
		redirect.addFlashAttribute("notice", follow ? "follow.following" : "follow.unfollowed");
		return "redirect:/t/" + id;
	}
}
