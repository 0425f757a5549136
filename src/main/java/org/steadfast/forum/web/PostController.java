package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.ContentStatus;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Post;
import org.steadfast.forum.PostRepository;
import org.steadfast.forum.ReactionKind;
import org.steadfast.forum.ReactionService;
import org.steadfast.forum.TopicPages;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Viewer;
import org.steadfast.text.Markdown;

@Controller
class PostController {

	private final ForumQueries queries;
	private final TopicPages pages;
	private final TopicService topics;
	private final ReactionService reactions;
	private final PostRepository posts;

	PostController(ForumQueries queries, TopicPages pages, TopicService topics, ReactionService reactions,
			PostRepository posts) {
		this.queries = queries;
		this.pages = pages;
		this.topics = topics;
		this.reactions = reactions;
		this.posts = posts;
	}

	/** A permanent link to a post: to its page and anchor in the topic. */
	@GetMapping("/p/{id}")
	String permalink(@PathVariable long id, Viewer viewer) {
		return "redirect:" + location(viewer, id);
	}

	@GetMapping("/p/{id}/edit")
	String editForm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		var post = editable(id, me, viewer);
		var topic = queries.topic(viewer, post.getTopicId()).orElseThrow(Refusal::notFound);
		return showEdit(post, topic.title(), new EditForm(topic.title(), post.getSource(), post.getVersion()), null, model);
	}

	@PostMapping("/p/{id}/edit")
	String edit(@PathVariable long id, EditForm form, @RequestParam(required = false) String preview,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		var post = editable(id, me, viewer);
		var topic = queries.topic(viewer, post.getTopicId()).orElseThrow(Refusal::notFound);
		BindingResult errors = new DirectFieldBindingResult(form, "editForm");
		if (preview != null) {
			model.addAttribute("preview", Markdown.DEFAULT.render(form.body() == null ? "" : form.body()).html());
			return showEdit(post, topic.title(), form, errors, model);
		}
		try {
			long version = form.version() == null ? -1 : form.version();
			Screened.tell(redirect, topics.edit(id, me.id(), me.isStaff(), form.title(), form.body(), version));
			return "redirect:" + location(viewer, id);
		}
		catch (Refusal e) {
			if (e.reason() == Refusal.Reason.NOT_FOUND || e.reason() == Refusal.Reason.FORBIDDEN
					|| e.reason() == Refusal.Reason.LOCKED) {
				throw e;
			}
			if (e.field() != null) {
				errors.rejectValue(e.field(), e.messageKey());
			}
			else {
				errors.reject(e.messageKey());
			}
			TopicController.busy(e, response);
			if (e.reason() == Refusal.Reason.CONFLICT) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				// Show what the post says now, keep what this member typed, and let them save again on top.
				var current = posts.findById(id).orElseThrow(Refusal::notFound);
				model.addAttribute("currentHtml", current.getHtml());
				form = new EditForm(form.title(), form.body(), current.getVersion());
			}
			return showEdit(post, topic.title(), form, errors, model);
		}
	}

	private String showEdit(Post post, String topicTitle, EditForm form, BindingResult errors,
			Model model) {
		model.addAttribute("editForm", form);
		if (errors != null) {
			var rebound = new DirectFieldBindingResult(form, "editForm");
			rebound.addAllErrors(errors);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "editForm", rebound);
		}
		model.addAttribute("postId", post.getId());
		model.addAttribute("firstPost", post.getNumber() == 1);
		model.addAttribute("topicTitle", topicTitle);
		return "forum/edit";
	}

	private Post editable(long id, MemberPrincipal me, Viewer viewer) {
		var post = posts.findById(id).orElseThrow(Refusal::notFound);
		if (queries.topic(viewer, post.getTopicId()).isEmpty()
				|| post.getStatus() == ContentStatus.DELETED) {
			throw Refusal.notFound();
		}
		if (!post.getAuthorId().equals(me.id()) && !me.isStaff()) {
			throw Refusal.forbidden("post.notYours");
		}
		return post;
	}

	/**
	 * Earlier versions are the author's and the moderators' only: for anyone else the page does not
	 * exist (404, not 403, so that nobody learns that there is a history at all).
	 */
	@GetMapping("/p/{id}/history")
	String history(@PathVariable long id, Viewer viewer, Model model) {
		var post = historyOf(id, viewer);
		var topic = queries.topic(viewer, post.getTopicId()).orElseThrow(Refusal::notFound);
		model.addAttribute("topic", topic);
		model.addAttribute("postId", id);
		model.addAttribute("postNumber", post.getNumber());
		model.addAttribute("currentHtml", post.getHtml());
		model.addAttribute("revisions", pages.revisions(id));
		model.addAttribute("mayDelete", viewer.is(post.getAuthorId()));
		return "forum/history";
	}

	/** The confirm step of removing a version, a page of its own so that it works without script. */
	@GetMapping("/p/{id}/history/{revisionId}/delete")
	String confirmRevisionDelete(@PathVariable long id, @PathVariable long revisionId, Viewer viewer, Model model) {
		var post = historyOf(id, viewer);
		if (!viewer.is(post.getAuthorId())) {
			throw Refusal.notFound();
		}
		var revision = pages.revisions(id).stream().filter(r -> r.id() == revisionId).findFirst()
				.orElseThrow(Refusal::notFound);
		model.addAttribute("postId", id);
		model.addAttribute("revision", revision);
		return "forum/revision-delete";
	}

	@PostMapping("/p/{id}/history/{revisionId}/delete")
	String deleteRevision(@PathVariable long id, @PathVariable long revisionId,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, RedirectAttributes redirect) {
		historyOf(id, viewer);
		topics.deleteRevision(id, revisionId, me.id());
		redirect.addFlashAttribute("notice", "post.revisionDeleted");
		return "redirect:/p/" + id + "/history";
	}

	private Post historyOf(long id, Viewer viewer) {
		var post = posts.findById(id).orElseThrow(Refusal::notFound);
		boolean own = viewer.is(post.getAuthorId());
		if (!own && !viewer.staff()) {
			throw Refusal.notFound();
		}
		if (queries.topic(viewer, post.getTopicId()).isEmpty()
				|| (post.getStatus() != ContentStatus.VISIBLE && !viewer.staff() && !own)
				|| (post.getStatus() == ContentStatus.DELETED && !viewer.staff())) {
			throw Refusal.notFound();
		}
		return post;
	}

	@PostMapping("/p/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			RedirectAttributes redirect) {
		topics.delete(id, me.id(), me.isStaff());
		redirect.addFlashAttribute("notice", "post.deleted");
		return "redirect:" + location(viewer, id);
	}

	@PostMapping("/p/{id}/react")
	String react(@PathVariable long id, @RequestParam String kind, @AuthenticationPrincipal MemberPrincipal me,
			Viewer viewer) {
		ReactionKind reaction;
		try {
			reaction = ReactionKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("kind", "reaction.unknown");
		}
		reactions.toggle(id, me.id(), reaction);
		return "redirect:" + location(viewer, id);
	}

	private String location(Viewer viewer, long postId) {
		return queries.postUrl(viewer, postId).orElseThrow(Refusal::notFound);
	}
}
