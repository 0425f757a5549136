package org.steadfast.partners.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.steadfast.forum.Viewer;
import org.steadfast.partners.PartnerProperties;
import org.steadfast.partners.PartnerRules;
import org.steadfast.partners.SosAlerts;
import org.steadfast.partners.SosAlerts.Sos;
import org.steadfast.plans.PlanQueries;

/**
 * The SOS: raising it, the page the member waits on (their own plan, a ten-minute wait that works
 * without script, the crisis resources once it went to helpers), and answering it.
 */
@Controller
class SosController {

	private final SosAlerts sos;
	private final PlanQueries plans;
	private final PartnerProperties properties;
	private final Clock clock;

	SosController(SosAlerts sos, PlanQueries plans, PartnerProperties properties, Clock clock) {
		this.sos = sos;
		this.plans = plans;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping("/partners/sos")
	String raise(@AuthenticationPrincipal MemberPrincipal me) {
		return "redirect:/partners/sos/" + sos.raise(me.id(), clock.instant());
	}

	@GetMapping("/partners/sos/{id}")
	String page(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		Instant now = clock.instant();
		Sos found = sos.find(id).filter(s -> sos.maySee(s, me.id(), now)).orElseThrow(Refusal::notFound);
		model.addAttribute("sos", found);
		model.addAttribute("mine", found.memberId() == me.id());
		if (found.memberId() == me.id()) {
			plans.activePlanOf(me.id()).flatMap(topic -> plans.page(viewer, topic))
					.ifPresent(plan -> model.addAttribute("plan", plan));
			Duration wait = properties.getSosWait();
			long elapsed = Math.max(0, Math.min(wait.toSeconds(), Duration.between(found.createdAt(), now).toSeconds()));
			model.addAttribute("waitSeconds", wait.toSeconds());
			model.addAttribute("elapsedSeconds", elapsed);
			model.addAttribute("remainingMinutes", (wait.toSeconds() - elapsed + 59) / 60);
			model.addAttribute("waitUntilIso", found.createdAt().plus(wait).toString());
			model.addAttribute("escalated", found.status() == SosAlerts.Status.ESCALATED);
		}
		return "partners/sos";
	}

	@PostMapping("/partners/sos/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String note,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var parsed = PartnerRules.text(note, PartnerRules.NOTE_MAX, true, "note", "partners.sos.noteInvalid",
				"partners.sos.noteInvalid");
		if (!parsed.ok()) {
			throw new Refusal(Refusal.Reason.INVALID, "note", "partners.sos.noteInvalid");
		}
		sos.answer(id, me.id(), parsed.value(), clock.instant());
		redirect.addFlashAttribute("notice", "partners.sos.answeredByYou");
		return "redirect:/partners/sos/" + id;
	}

	@PostMapping("/partners/sos/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		sos.close(id, me.id());
		redirect.addFlashAttribute("notice", "partners.sos.closed");
		return "redirect:/partners";
	}
}
