package org.steadfast.moderation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.moderation.FlagReason;
import org.steadfast.moderation.ModerationException;
import org.steadfast.moderation.ModerationService;

/** The flag form under each post. */
@Controller
class FlagController {

	private final ModerationService moderation;
	private final org.steadfast.forum.ForumQueries forum;

	FlagController(ModerationService moderation, org.steadfast.forum.ForumQueries forum) {
		this.moderation = moderation;
		this.forum = forum;
	}

	@PostMapping("/p/{id}/flag")
	String flag(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		FlagReason why;
		try {
			why = FlagReason.valueOf(reason);
		}
		catch (IllegalArgumentException e) {
			throw new ModerationException(ModerationException.Reason.INVALID, "flag.reasonRequired");
		}
		moderation.flag(id, me.id(), why, note);
		redirect.addFlashAttribute("notice", why == FlagReason.CRISIS ? "flag.crisisThanks" : "flag.thanks");
		// Straight to the post: a second redirect would lose the thank-you message.
		return "redirect:" + forum.postUrl(org.steadfast.forum.Viewer.current(), id).orElse("/");
	}
}
