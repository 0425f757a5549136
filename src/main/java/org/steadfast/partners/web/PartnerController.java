package org.steadfast.partners.web;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Viewer;
import org.steadfast.common.Refusal;
import org.steadfast.partners.PartnerMatching;
import org.steadfast.partners.PartnerMessages;
import org.steadfast.partners.PartnerProfile;
import org.steadfast.partners.PartnerProfiles;
import org.steadfast.partners.PartnerRules;
import org.steadfast.partners.Partnerships;
import org.steadfast.partners.matching.Wish;
import org.steadfast.web.FormErrors;

/** The partner page and everything done from it: profile, finding, proposals, ending, renewing, messages. */
@Controller
class PartnerController {

	private static final String PROFILE_FORM = "profileForm";
	private static final String MESSAGE_FORM = "messageForm";

	private final PartnerHub hub;
	private final PartnerProfiles profiles;
	private final PartnerMatching matching;
	private final Partnerships partnerships;
	private final PartnerMessages messages;
	private final FormTokens formTokens;
	private final Clock clock;

	PartnerController(PartnerHub hub, PartnerProfiles profiles, PartnerMatching matching, Partnerships partnerships,
			PartnerMessages messages, FormTokens formTokens, Clock clock) {
		this.formTokens = formTokens;
		this.hub = hub;
		this.profiles = profiles;
		this.matching = matching;
		this.partnerships = partnerships;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/partners")
	String hub(@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		var form = new MessageForm("");
		return hubPage(me, viewer, form, FormErrors.none(form, MESSAGE_FORM), model);
	}

	private String hubPage(MemberPrincipal me, Viewer viewer, MessageForm draft, BindingResult errors, Model model) {
		model.addAttribute("hub", hub.of(me.id(), viewer));
		model.addAttribute("draft", draft.body());
		FormErrors.show(model, MESSAGE_FORM, draft, errors);
		model.addAttribute("formToken", formTokens.issue(me.id()));
		return "partners/hub";
	}

	@GetMapping("/partners/profile")
	String profile(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		PartnerProfile p = profiles.of(me.id());
		var form = new ProfileForm(String.valueOf(p.looking()), String.valueOf(p.checkInHour()),
				p.wishes().stream().map(Wish::name).toList(), p.intro(), String.valueOf(p.sosHelper()));
		return profilePage(form, FormErrors.none(form, PROFILE_FORM), model);
	}

	@PostMapping("/partners/profile")
	String saveProfile(ProfileForm form, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		var parsed = PartnerRules.profile(form.looking(), form.checkInHour(), form.wishes(), form.intro(), form.sosHelper());
		if (!parsed.ok()) {
			return profilePage(form, FormErrors.of(form, PROFILE_FORM, parsed.errors()), model);
		}
		profiles.save(me.id(), parsed.value());
		redirect.addFlashAttribute("notice", "partners.profile.saved");
		return "redirect:/partners";
	}

	private String profilePage(ProfileForm form, BindingResult errors, Model model) {
		FormErrors.show(model, PROFILE_FORM, form, errors);
		model.addAttribute("wishes", List.of(Wish.values()));
		model.addAttribute("hours", IntStream.range(0, 24).boxed().toList());
		return "partners/profile";
	}

	@PostMapping("/partners/find")
	String find(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var found = matching.findFor(me.id(), clock.instant());
		redirect.addFlashAttribute("notice", switch (found) {
			case PROPOSED -> "partners.found.PROPOSED";
			case WAITING_NO_COMPATIBLE -> "partners.found.WAITING_NO_COMPATIBLE";
			case WAITING_EXCLUDED -> "partners.found.WAITING_EXCLUDED";
			case WAITING_BETTER_ELSEWHERE -> "partners.found.WAITING_BETTER_ELSEWHERE";
			case NO_ACTIVE_PLAN -> "partners.found.NO_ACTIVE_PLAN";
			case ACCOUNT_TOO_NEW -> "partners.found.ACCOUNT_TOO_NEW";
			case NOT_LOOKING -> "partners.found.NOT_LOOKING";
			case SANCTIONED -> "partners.found.SANCTIONED";
		});
		return "redirect:/partners";
	}

	@PostMapping("/partners/proposals/{id}/accept")
	String accept(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var started = partnerships.accept(id, me.id(), clock.instant());
		redirect.addFlashAttribute("notice", started.isPresent() ? "partners.proposal.started" : "partners.proposal.accepted");
		return "redirect:/partners";
	}

	@PostMapping("/partners/proposals/{id}/decline")
	String decline(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		partnerships.decline(id, me.id(), clock.instant());
		redirect.addFlashAttribute("notice", "partners.proposal.declinedByYou");
		return "redirect:/partners";
	}

	@PostMapping("/partners/partnerships/{id}/end")
	String end(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		partnerships.end(id, me.id(), clock.instant());
		redirect.addFlashAttribute("notice", "partners.partnership.endedByYou");
		return "redirect:/partners";
	}

	@PostMapping("/partners/partnerships/{id}/renew")
	String renew(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		boolean renewed = partnerships.renew(id, me.id(), clock.instant());
		redirect.addFlashAttribute("notice", renewed ? "partners.partnership.renewed" : "partners.partnership.renewAsked");
		return "redirect:/partners";
	}

	@PostMapping("/partners/messages")
	String send(@RequestParam(required = false) Long to, @RequestParam(required = false) String body,
			@RequestParam(required = false) String formToken, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		if (to == null) {
			throw Refusal.notFound();
		}
		var parsed = PartnerRules.text(body, PartnerRules.MESSAGE_MAX, false, "body", "partners.messages.empty",
				"partners.messages.invalid");
		if (!parsed.ok()) {
			var draft = new MessageForm(body == null ? "" : body);
			return hubPage(me, viewer, draft, FormErrors.of(draft, MESSAGE_FORM, parsed.errors()), model);
		}
		try {
			messages.send(me.id(), to, parsed.value(), formToken, clock.instant());
		}
		catch (Refusal e) {
			if (e.reason() != Refusal.Reason.INVALID) {
				throw e;
			}
			// An expired form: say so on the page, with the message kept to send again.
			var draft = new MessageForm(parsed.value());
			BindingResult errors = FormErrors.none(draft, MESSAGE_FORM);
			errors.rejectValue("body", e.messageKey());
			return hubPage(me, viewer, draft, errors, model);
		}
		return "redirect:/partners#messages";
	}

	@PostMapping("/partners/messages/{id}/flag")
	String flag(@PathVariable long id, @RequestParam(required = false) String note,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var parsed = PartnerRules.text(note, PartnerRules.NOTE_MAX, true, "note", "partners.messages.invalid",
				"partners.messages.noteInvalid");
		if (!parsed.ok()) {
			throw new Refusal(Refusal.Reason.INVALID, "note", "partners.messages.noteInvalid");
		}
		messages.flag(id, me.id(), parsed.value(), clock.instant());
		redirect.addFlashAttribute("notice", "partners.messages.flagged");
		return "redirect:/partners";
	}
}
