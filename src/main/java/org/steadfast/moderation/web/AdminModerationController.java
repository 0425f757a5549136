package org.steadfast.moderation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.moderation.AuditLog;
import org.steadfast.common.Refusal;
import org.steadfast.moderation.WatchedWords;
import org.steadfast.moderation.matching.WatchedWord;

/** Administrators manage watched words and browse the audit log. */
@Controller
class AdminModerationController {

	private final WatchedWords watchedWords;
	private final AuditLog audit;

	AdminModerationController(WatchedWords watchedWords, AuditLog audit) {
		this.watchedWords = watchedWords;
		this.audit = audit;
	}

	@GetMapping("/admin/watched-words")
	String list(Model model) {
		model.addAttribute("words", watchedWords.list());
		model.addAttribute("actions", WatchedWord.Action.values());
		return "moderation/watched-words";
	}

	@PostMapping("/admin/watched-words")
	String add(@RequestParam(defaultValue = "") String phrase, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String replacement, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		try {
			WatchedWord.Action a;
			try {
				a = WatchedWord.Action.valueOf(action);
			}
			catch (IllegalArgumentException e) {
				throw new Refusal(Refusal.Reason.INVALID, "watched.actionRequired");
			}
			watchedWords.add(me.id(), phrase, a, replacement);
		}
		catch (Refusal e) {
			if (e.reason() != Refusal.Reason.INVALID) {
				throw e;
			}
			model.addAttribute("words", watchedWords.list());
			model.addAttribute("actions", WatchedWord.Action.values());
			model.addAttribute("wordError", e.messageKey());
			model.addAttribute("phrase", phrase);
			model.addAttribute("replacement", replacement);
			model.addAttribute("chosenAction", action);
			return "moderation/watched-words";
		}
		redirect.addFlashAttribute("notice", "watched.saved");
		return "redirect:/admin/watched-words";
	}

	@PostMapping("/admin/watched-words/{id}/delete")
	String remove(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		watchedWords.remove(me.id(), id);
		redirect.addFlashAttribute("notice", "watched.removed");
		return "redirect:/admin/watched-words";
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String type, Model model) {
		model.addAttribute("entries", audit.browse(action, type, null, actor, 200));
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("type", type);
		return "moderation/audit";
	}
}
