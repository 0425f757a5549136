package org.steadfast.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Viewer;
import org.steadfast.moderation.FlagReason;
import org.steadfast.moderation.ModerationService;

/** The flag form under each post. */
@Controller
class FlagController {

	private final ModerationService moderation;
	private final ForumQueries forum;

	FlagController(ModerationService moderation, ForumQueries forum) {
		this.moderation = moderation;
		this.forum = forum;
	}

	/** The flag form for one post, on a page of its own (the topic page carries only a link to it). */
	@GetMapping("/p/{id}/flag")
	String form(@PathVariable long id, Viewer viewer, Model model) {
		return page(viewer, id, "", "", null, model);
	}

	@PostMapping("/p/{id}/flag")
	String flag(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		FlagReason why;
		try {
			why = FlagReason.valueOf(reason);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(viewer, id, "", note, "flag.reasonRequired", model);
		}
		try {
			moderation.flag(id, me.id(), why, note);
		}
		catch (Refusal e) {
			if (e.reason() != Refusal.Reason.INVALID) {
				throw e;
			}
			// Said on the same page, with the choice and the note kept.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(viewer, id, reason, note, e.messageKey(), model);
		}
		redirect.addFlashAttribute("notice", why == FlagReason.CRISIS ? "flag.crisisThanks" : "flag.thanks");
		// Straight to the post: a second redirect would lose the thank-you message.
		return "redirect:" + forum.postUrl(viewer, id).orElse("/");
	}

	private String page(Viewer viewer, long postId, String reason, String note, String error, Model model) {
		String back = forum.postUrl(viewer, postId).orElseThrow(Refusal::notFound);
		model.addAttribute("postId", postId);
		model.addAttribute("backUrl", back);
		model.addAttribute("excerpt", forum.excerpt(viewer, postId).orElse(""));
		model.addAttribute("reason", reason);
		model.addAttribute("note", note);
		model.addAttribute("error", error);
		return "moderation/flag";
	}
}
