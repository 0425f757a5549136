package org.steadfast.moderation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.common.Refusal;
import org.steadfast.forum.CategoryService;
import org.steadfast.moderation.AuditLog;
import org.steadfast.moderation.Decision;
import org.steadfast.moderation.ExNames;
import org.steadfast.moderation.ModerationQueries;
import org.steadfast.moderation.ModerationService;
import org.steadfast.moderation.SanctionKind;

/** The moderator area: the review queue, decisions, member records, sanctions and notes. */
@Controller
class ModController {

	private final ModerationService moderation;
	private final ModerationQueries queries;
	private final MemberService members;
	private final CategoryService categories;
	private final AuditLog audit;
	private final ExNames exNames;

	ModController(ModerationService moderation, ModerationQueries queries, MemberService members,
			CategoryService categories, AuditLog audit, ExNames exNames) {
		this.exNames = exNames;
		this.moderation = moderation;
		this.queries = queries;
		this.members = members;
		this.categories = categories;
		this.audit = audit;
	}

	@GetMapping("/mod")
	String queue(Model model) {
		var items = queries.queue(100);
		model.addAttribute("items", items);
		model.addAttribute("listedWords", listedWords(items));
		model.addAttribute("categories", categories.open());
		return "moderation/queue";
	}

	/** For posts held for a listed name: the words that matched, by post (never whose list). */
	private Map<Long, List<String>> listedWords(List<ModerationQueries.QueueItem> items) {
		Map<Long, String> texts = new LinkedHashMap<>();
		for (var item : items) {
			if (item.reasonList().contains("ex-name")) {
				String body = HtmlUtils.htmlUnescape(TAG.matcher(item.html()).replaceAll(" "));
				texts.put(item.postId(), item.title() + "\n" + body);
			}
		}
		return texts.isEmpty() ? Map.of() : exNames.listedWordsIn(texts);
	}

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	@PostMapping("/mod/review/{id}")
	String decide(@PathVariable long id, @RequestParam long version, @RequestParam String decision,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Long categoryId,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		Decision d;
		try {
			d = Decision.valueOf(decision);
		}
		catch (IllegalArgumentException e) {
			throw new Refusal(Refusal.Reason.INVALID, "review.unknownDecision");
		}
		moderation.decide(id, version, me.id(), d, reason, categoryId);
		redirect.addFlashAttribute("notice", "review.done");
		return "redirect:/mod";
	}

	@GetMapping("/mod/posts/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("postId", id);
		return "moderation/edit";
	}

	@PostMapping("/mod/posts/{id}/edit")
	String edit(@PathVariable long id, @RequestParam String body, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		moderation.editPost(id, me.id(), body, reason);
		redirect.addFlashAttribute("notice", "review.edited");
		return "redirect:/p/" + id;
	}

	@GetMapping("/mod/members")
	String findMember(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("found", q.isBlank() ? List.of()
				: members.search(q).stream().map(m -> m.getUsername()).toList());
		return "moderation/members";
	}

	@GetMapping("/mod/members/{username}")
	String record(@PathVariable String username, Model model) {
		var member = members.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		long id = member.getId();
		model.addAttribute("member", new MemberSummary(id, member.getUsername(), member.getDisplayName(),
				member.getRole().name(), member.getCreatedAt(), member.getSuspendedUntil()));
		model.addAttribute("posts", queries.postsBy(id));
		model.addAttribute("flagsMade", queries.flagsMadeBy(id));
		model.addAttribute("flagsReceived", queries.flagsReceivedBy(id));
		model.addAttribute("sanctions", queries.sanctionsOf(id));
		model.addAttribute("notes", queries.notesOn(id));
		model.addAttribute("auditEntries", audit.browse("", "MEMBER", id, "", 50));
		model.addAttribute("kinds", SanctionKind.values());
		return "moderation/member";
	}

	record MemberSummary(long id, String username, String displayName, String role, Instant joinedAt,
			Instant suspendedUntil) {
	}

	@PostMapping("/mod/members/{username}/sanction")
	String sanction(@PathVariable String username, @RequestParam String kind, @RequestParam(defaultValue = "0") int days,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		var member = members.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		SanctionKind k;
		try {
			k = SanctionKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw new Refusal(Refusal.Reason.INVALID, "sanction.unknown");
		}
		if (k == SanctionKind.BAN && !me.role().name().equals("ADMIN")) {
			throw new Refusal(Refusal.Reason.FORBIDDEN, "sanction.banAdminsOnly");
		}
		moderation.sanction(member.getId(), me.id(), k, Duration.ofDays(days), reason);
		redirect.addFlashAttribute("notice", "sanction.saved");
		return "redirect:/mod/members/" + member.getUsername();
	}

	@PostMapping("/mod/members/{username}/lift")
	String lift(@PathVariable String username, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var member = members.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		moderation.lift(member.getId(), me.id(), reason);
		redirect.addFlashAttribute("notice", "sanction.lifted");
		return "redirect:/mod/members/" + member.getUsername();
	}

	@PostMapping("/mod/members/{username}/note")
	String note(@PathVariable String username, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var member = members.findByUsername(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		moderation.note(member.getId(), me.id(), note);
		redirect.addFlashAttribute("notice", "note.saved");
		return "redirect:/mod/members/" + member.getUsername();
	}
}
