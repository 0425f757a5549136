package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.steadfast.forum.AlreadyPostedException;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.Drafts;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.ForumViews.TopicPage;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Links;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.ReadState;
import org.steadfast.forum.SimilarTopics;
import org.steadfast.forum.TagNames;
import org.steadfast.forum.TopicPages;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Viewer;
import org.steadfast.text.Markdown;
import org.steadfast.web.Pages;

@Controller
class TopicController {

	/** How many similar topics the new-topic form offers. */
	static final int SIMILAR_TOPICS = 5;

	private final ForumQueries queries;
	private final TopicPages pages;
	private final TopicService topics;
	private final CategoryService categories;
	private final ReadState readState;
	private final FormTokens formTokens;
	private final ObjectProvider<SimilarTopics> similarTopics;
	private final Drafts drafts;

	TopicController(ForumQueries queries, TopicPages pages, TopicService topics, CategoryService categories,
			ReadState readState, FormTokens formTokens, ObjectProvider<SimilarTopics> similarTopics, Drafts drafts) {
		this.drafts = drafts;
		this.queries = queries;
		this.pages = pages;
		this.topics = topics;
		this.categories = categories;
		this.readState = readState;
		this.formTokens = formTokens;
		this.similarTopics = similarTopics;
	}

	@GetMapping("/t/{id}")
	String topicWithoutSlug(@PathVariable long id, @RequestParam(defaultValue = "1") String page, Viewer viewer) {
		var header = queries.topic(viewer, id).orElseThrow(Refusal::notFound);
		return "redirect:" + Links.topic(header.id(), header.slug(), Pages.number(page));
	}

	@GetMapping("/t/{id}/{slug}")
	String topic(@PathVariable long id, @PathVariable String slug, @RequestParam(name = "page", defaultValue = "1") String pageParam,
			@RequestParam(required = false) Long quote, Viewer viewer, HttpServletRequest request, Model model) {
		int page = Pages.number(pageParam);
		TopicPage topicPage = pages.topicPage(viewer, id, page).orElseThrow(Refusal::notFound);
		if (!topicPage.topic().slug().equals(slug) || topicPage.page() != page && page != 1) {
			return "redirect:" + Links.topic(id, topicPage.topic().slug(), topicPage.page());
		}
		String body = "";
		if (quote != null && viewer.isMember()) {
			body = pages.quote(viewer, id, quote).orElse("");
		}
		else if (topicPage.replyDraft() != null) {
			// A kept reply comes back in the box, saying so, with a way to let it go.
			body = topicPage.replyDraft().field("body");
			offerDraft(Drafts.reply(id), request, model);
		}
		return showTopic(topicPage, viewer, new ReplyForm(body, null), model);
	}

	private static void offerDraft(String place, HttpServletRequest request, Model model) {
		model.addAttribute("draftPlace", place);
		model.addAttribute("draftNotice", DraftPlaces.sessionEnded(request, place) ? "draft.sessionEnded" : "draft.kept");
	}

	private String showTopic(TopicPage topicPage, Viewer viewer, ReplyForm form, Model model) {
		showPage(topicPage, model);
		model.addAttribute("replyPlace", Drafts.reply(topicPage.topic().id()));
		if (viewer.isMember()) {
			model.addAttribute("replyForm", new ReplyForm(form.body(), formTokens.issue(viewer.memberId())));
			int lastShown = topicPage.posts().isEmpty() ? 0 : topicPage.posts().get(topicPage.posts().size() - 1).number();
			// Rereading a page already read writes nothing.
			if (lastShown > topicPage.topic().lastRead()) {
				readState.markRead(viewer.memberId(), topicPage.topic().id(), lastShown);
			}
			model.addAttribute("following", topicPage.topic().following());
		}
		return "forum/topic";
	}

	@PostMapping("/t/{id}/reply")
	String reply(@PathVariable long id, ReplyForm form, @RequestParam(required = false) String preview,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		TopicPage current = pages.topicPage(viewer, id, Integer.MAX_VALUE).orElseThrow(Refusal::notFound);
		String place = Drafts.reply(id);
		if (preview != null) {
			drafts.keepIfFits(me.id(), place, Map.of("body", nullToEmpty(form.body())));
			model.addAttribute("preview", Markdown.DEFAULT.render(nullToEmpty(form.body())).html());
			return replyAgain(current, viewer, form, model);
		}
		return submit(viewer, me.id(), place, form.formToken(), () -> {
			var post = topics.reply(id, me.id(), me.isStaff(), form.body(), form.formToken());
			drafts.discard(me.id(), place);
			Screened.tell(redirect, post);
			return "redirect:" + Links.post(id, current.topic().slug(), queries.pageOf(post.getNumber()), post.getNumber());
		}, refused -> {
			if (refused.reason() == Refusal.Reason.LOCKED) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			busy(refused, response);
			drafts.keepIfFits(me.id(), place, Map.of("body", nullToEmpty(form.body())));
			model.addAttribute("replyError", refused.messageKey());
			return replyAgain(current, viewer, form, model);
		});
	}

	/**
	 * Posts once per form: a resubmitted form (double click, reload, two requests at once) leads to
	 * the post the first submission made. A refusal the member can fix goes back to the form;
	 * not-found and forbidden become error pages.
	 */
	private String submit(Viewer viewer, long memberId, String place, String formToken, Supplier<String> post,
			Function<Refusal, String> onRefused) {
		try {
			return post.get();
		}
		catch (AlreadyPostedException e) {
			drafts.discard(memberId, place);
			return redirectToPost(viewer, e.postId());
		}
		catch (DataIntegrityViolationException e) {
			// Two requests at once with one token: the other one recorded it first.
			return topics.postForToken(formToken).map(postId -> redirectToPost(viewer, postId)).orElseThrow(() -> e);
		}
		catch (Refusal e) {
			if (e.reason() == Refusal.Reason.NOT_FOUND || e.reason() == Refusal.Reason.FORBIDDEN) {
				throw e;
			}
			return onRefused.apply(e);
		}
	}

	/** A write refused as busy answers 503, with the form and the member's text, and when to try again. */
	static void busy(Refusal refused, HttpServletResponse response) {
		if (refused.reason() == Refusal.Reason.BUSY) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "2");
		}
	}

	/** The last page again with the member's text kept and a fresh token. */
	private String replyAgain(TopicPage current, Viewer viewer, ReplyForm form, Model model) {
		showPage(current, model);
		model.addAttribute("replyForm", new ReplyForm(form.body(), formTokens.issue(viewer.memberId())));
		return "forum/topic";
	}

	private static void showPage(TopicPage topicPage, Model model) {
		model.addAttribute("page", topicPage);
		model.addAttribute("pager", Pages.numbered(topicPage.page(), topicPage.pages(),
				Links.topic(topicPage.topic().id(), topicPage.topic().slug())));
	}

	private String redirectToPost(Viewer viewer, long postId) {
		var location = queries.locate(viewer, postId).orElseThrow(Refusal::notFound);
		var header = queries.topic(viewer, location[0]).orElseThrow(Refusal::notFound);
		return "redirect:" + Links.post(location[0], header.slug(), queries.pageOf((int) location[1]), (int) location[1]);
	}

	@GetMapping("/t/new")
	String newTopic(@RequestParam(required = false) String category, @AuthenticationPrincipal MemberPrincipal me,
			HttpServletRequest request, Model model) {
		var draft = drafts.find(me.id(), Drafts.NEW_TOPIC);
		if (draft.isPresent()) {
			offerDraft(Drafts.NEW_TOPIC, request, model);
			var kept = draft.get();
			return topicForm(new TopicForm(kept.field("categoryId"), kept.field("title"), kept.field("body"),
					kept.field("tags"), formTokens.issue(me.id())), null, model);
		}
		Long categoryId = category == null ? null
				: categories.bySlug(category).filter(c -> !c.archived()).map(c -> c.id()).orElse(null);
		return topicForm(new TopicForm(categoryId == null ? "" : categoryId.toString(), "", "", "",
				formTokens.issue(me.id())), null, model);
	}

	@PostMapping("/t/new")
	String startTopic(TopicForm form, @RequestParam(required = false) String preview,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		var errors = new DirectFieldBindingResult(form, "topicForm");
		var parsedTags = TagNames.parseList(form.tags());
		parsedTags.error().ifPresent(key -> errors.rejectValue("tags", key));
		if (form.category() == null || categories.byId(form.category()).filter(c -> !c.archived()).isEmpty()) {
			errors.rejectValue("categoryId", "category.choose");
		}
		PostingRules.checkTitle(form.title()).ifPresent(key -> errors.rejectValue("title", key));
		PostingRules.checkBody(form.body()).ifPresent(key -> errors.rejectValue("body", key));
		if (preview != null || errors.hasErrors()) {
			drafts.keepIfFits(me.id(), Drafts.NEW_TOPIC, typed(form));
			if (preview != null) {
				model.addAttribute("preview", Markdown.DEFAULT.render(nullToEmpty(form.body())).html());
				// Without JavaScript, the preview is where similar topics are offered.
				similarTopics.ifAvailable(similar -> model.addAttribute("similarTopics",
						similar.similarTo(viewer, nullToEmpty(form.title()), SIMILAR_TOPICS)));
			}
			return topicForm(form.withToken(formTokens.issue(me.id())), errors, model);
		}
		return submit(viewer, me.id(), Drafts.NEW_TOPIC, form.formToken(), () -> {
			var topic = topics.startTopic(me.id(), TopicService.NewTopic.discussion(form.category(), form.title(),
					form.body(), parsedTags.names()), form.formToken());
			drafts.discard(me.id(), Drafts.NEW_TOPIC);
			Screened.tell(redirect, topic.getFirstPost());
			return "redirect:" + Links.topic(topic.getId(), topic.getSlug(), 1);
		}, refused -> {
			busy(refused, response);
			drafts.keepIfFits(me.id(), Drafts.NEW_TOPIC, typed(form));
			if (refused.field() != null) {
				errors.rejectValue(refused.field(), refused.messageKey());
			}
			else {
				errors.reject(refused.messageKey());
			}
			return topicForm(form.withToken(formTokens.issue(me.id())), errors, model);
		});
	}

	private static Map<String, String> typed(TopicForm form) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("categoryId", nullToEmpty(form.categoryId()));
		fields.put("title", nullToEmpty(form.title()));
		fields.put("body", nullToEmpty(form.body()));
		fields.put("tags", nullToEmpty(form.tags()));
		return fields;
	}

	/** The form and then its errors: a model attribute replaced after its BindingResult would drop the errors. */
	private String topicForm(TopicForm form, BindingResult errors, Model model) {
		model.addAttribute("topicForm", form);
		if (errors != null) {
			var rebound = new DirectFieldBindingResult(form, "topicForm");
			rebound.addAllErrors(errors);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "topicForm", rebound);
		}
		model.addAttribute("categories", categories.open());
		model.addAttribute("formPlace", Drafts.NEW_TOPIC);
		return "forum/new-topic";
	}

	@PostMapping("/t/{id}/helpful")
	String markHelpful(@PathVariable long id, @RequestParam(required = false) Long postId,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer) {
		topics.markHelpful(id, me.id(), postId);
		var header = queries.topic(viewer, id).orElseThrow(Refusal::notFound);
		return "redirect:" + Links.topic(id, header.slug(), 1);
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
