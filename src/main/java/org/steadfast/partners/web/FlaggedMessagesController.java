package org.steadfast.partners.web;

import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.partners.PartnerMessages;

/** Moderators see a flagged partner message on its own, never the rest of the conversation. */
@Controller
class FlaggedMessagesController {

	private final PartnerMessages messages;
	private final Clock clock;

	FlaggedMessagesController(PartnerMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/mod/partner-messages")
	String flagged(Model model) {
		model.addAttribute("flagged", messages.flagged());
		return "partners/flagged";
	}

	@PostMapping("/mod/partner-messages/{id}/reviewed")
	String reviewed(@PathVariable long id, RedirectAttributes redirect) {
		messages.reviewed(id, clock.instant());
		redirect.addFlashAttribute("notice", "partners.flagged.reviewed");
		return "redirect:/mod/partner-messages";
	}
}
