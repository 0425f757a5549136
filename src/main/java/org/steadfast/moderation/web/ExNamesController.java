package org.steadfast.moderation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.moderation.ExNames;
import org.steadfast.web.FormErrors;

/** A member's private list of the names Steadfast must never publish: add, remove, empty, and their choice. */
@Controller
class ExNamesController {

	private static final String PAGE = "moderation/ex-names";

	private final ExNames exNames;

	ExNamesController(ExNames exNames) {
		this.exNames = exNames;
	}

	/** What the member typed; never shown back after it is stored. */
	record EntryForm(String name) {
	}

	@GetMapping("/settings/ex-names")
	String page(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		return show(me, model, new EntryForm(""), null, new EntryForm(""), null);
	}

	@PostMapping("/settings/ex-names")
	String add(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			exNames.add(me.id(), name);
		}
		catch (Refusal refused) {
			if (refused.reason() != Refusal.Reason.INVALID) {
				throw refused;
			}
			return show(me, model, new EntryForm(name), refused, new EntryForm(""), null);
		}
		redirect.addFlashAttribute("notice", "exNames.added");
		return "redirect:/settings/ex-names";
	}

	@PostMapping("/settings/ex-names/remove")
	String remove(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		if (!exNames.remove(me.id(), name)) {
			return show(me, model, new EntryForm(""), null, new EntryForm(name),
					Refusal.invalid("name", "exNames.notListed"));
		}
		redirect.addFlashAttribute("notice", "exNames.removed");
		return "redirect:/settings/ex-names";
	}

	@PostMapping("/settings/ex-names/clear")
	String clear(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		exNames.clear(me.id());
		redirect.addFlashAttribute("notice", "exNames.cleared");
		return "redirect:/settings/ex-names";
	}

	@PostMapping("/settings/ex-names/choice")
	String choice(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "stop") String own,
			RedirectAttributes redirect) {
		exNames.replaceOwn(me.id(), "replace".equals(own));
		redirect.addFlashAttribute("notice", "exNames.choiceSaved");
		return "redirect:/settings/ex-names";
	}

	private String show(MemberPrincipal me, Model model, EntryForm add, Refusal addRefused, EntryForm remove,
			Refusal removeRefused) {
		model.addAttribute("list", exNames.summary(me.id()));
		model.addAttribute("maxEntries", ExNames.MAX_ENTRIES);
		FormErrors.show(model, "addForm", add,
				addRefused == null ? FormErrors.none(add, "addForm") : FormErrors.refused(add, "addForm", addRefused));
		FormErrors.show(model, "removeForm", remove, removeRefused == null ? FormErrors.none(remove, "removeForm")
				: FormErrors.refused(remove, "removeForm", removeRefused));
		return PAGE;
	}
}
