package org.steadfast.forum.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Links;
import org.steadfast.forum.TopicModeration;
import org.steadfast.forum.Viewer;

/** Pin and lock from the topic page. Security allows MODERATOR (and ADMIN) only under /mod. */
@Controller
class TopicModerationController {

	private final TopicModeration topics;
	private final ForumQueries queries;

	TopicModerationController(TopicModeration topics, ForumQueries queries) {
		this.topics = topics;
		this.queries = queries;
	}

	@PostMapping("/mod/t/{id}/pin")
	String pin(@PathVariable long id, @RequestParam boolean pinned, @AuthenticationPrincipal MemberPrincipal me,
			Viewer viewer, RedirectAttributes redirect) {
		topics.setPinned(me.id(), id, pinned, null);
		redirect.addFlashAttribute("notice", pinned ? "topic.pinnedNotice" : "topic.unpinnedNotice");
		return back(id, viewer);
	}

	@PostMapping("/mod/t/{id}/lock")
	String lock(@PathVariable long id, @RequestParam boolean locked, @AuthenticationPrincipal MemberPrincipal me,
			Viewer viewer, RedirectAttributes redirect) {
		topics.setLocked(me.id(), id, locked, null);
		redirect.addFlashAttribute("notice", locked ? "topic.lockedDone" : "topic.unlockedDone");
		return back(id, viewer);
	}

	private String back(long id, Viewer viewer) {
		var topic = queries.topic(viewer, id).orElseThrow(Refusal::notFound);
		return "redirect:" + Links.topic(id, topic.slug(), 1);
	}
}
