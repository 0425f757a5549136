package org.steadfast.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.steadfast.forum.AlreadyPostedException;
import org.steadfast.forum.Drafts;
import org.steadfast.common.Refusal;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Links;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.Visibility;
import org.steadfast.plans.ContactChannel;
import org.steadfast.plans.Initiator;
import org.steadfast.plans.PlanCalendar;
import org.steadfast.plans.PlanPurpose;
import org.steadfast.plans.PlanQueries;
import org.steadfast.plans.PlanRules;
import org.steadfast.plans.PlanService;
import org.steadfast.plans.PlanStatus;
import org.steadfast.plans.PlanViews.PlanPage;
import org.steadfast.plans.SlipKind;
import org.steadfast.web.FormErrors;

@Controller
class PlanController {

	private static final String PLAN_FORM = "planForm";
	private static final String CHECK_IN_FORM = "checkInForm";
	private static final String SLIP_FORM = "slipForm";
	private static final String CONTACT_FORM = "contactForm";

	private final PlanService plans;
	private final PlanQueries queries;
	private final FormTokens formTokens;
	private final PlanPictures pictures;
	private final Clock clock;
	private final Drafts drafts;

	PlanController(PlanService plans, PlanQueries queries, FormTokens formTokens, PlanPictures pictures, Clock clock,
			Drafts drafts) {
		this.drafts = drafts;
		this.plans = plans;
		this.queries = queries;
		this.formTokens = formTokens;
		this.pictures = pictures;
		this.clock = clock;
	}

	@GetMapping("/plans/mine")
	String mine(@AuthenticationPrincipal MemberPrincipal me) {
		return queries.activePlanOf(me.id()).map(id -> "redirect:" + Links.plan(id)).orElse("redirect:/plans/new");
	}

	@GetMapping("/plans/new")
	String newPlan(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		if (queries.activePlanOf(me.id()).isPresent()) {
			model.addAttribute("notice", "plan.alreadyActive");
		}
		LocalDate today = PlanCalendar.today(clock, me.zone());
		PlanForm form = new PlanForm("", "", today.toString(), "30", "", "", "", "", Visibility.MEMBERS.name(),
				List.of(), List.of(), List.of(), null, PlanPurpose.DEFAULT.name()).shown(formTokens.issue(me.id()));
		return planForm(form, FormErrors.none(form, PLAN_FORM), null, me, model);
	}

	@PostMapping("/plans/new")
	String create(PlanForm form, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		var parsed = PlanRules.plan(form.input(), PlanCalendar.today(clock, me.zone()));
		if (!parsed.ok()) {
			PlanForm shown = form.shown(formTokens.issue(me.id()));
			return planForm(shown, FormErrors.of(shown, PLAN_FORM, PlanForm.fields(parsed.errors())), null, me, model);
		}
		try {
			long topicId = plans.create(me.id(), me.zone(), parsed.value(), form.formToken());
			if (parsed.value().purpose().guidance().discreetByDefault()) {
				redirect.addFlashAttribute("notice", "plan.discreetTurnedOn");
			}
			return "redirect:" + Links.plan(topicId);
		}
		catch (AlreadyPostedException | DataIntegrityViolationException e) {
			return "redirect:/plans/mine";
		}
		catch (Refusal e) {
			PlanForm shown = form.shown(formTokens.issue(me.id()));
			return planForm(shown, FormErrors.refused(shown, PLAN_FORM, e), null, me, model);
		}
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, Viewer viewer, HttpServletRequest request, Model model) {
		PlanPage page = queries.page(viewer, id).orElseThrow(Refusal::notFound);
		return planPage(page, viewer, request, model);
	}

	private String planPage(PlanPage page, Viewer viewer, HttpServletRequest request, Model model) {
		long id = page.topicId();
		model.addAttribute("plan", page);
		model.addAttribute("pictures", pictures.of(page));
		model.addAttribute("purposes", PlanPurpose.values());
		if (page.owner() && page.active()) {
			String token = formTokens.issue(viewer.memberId());
			var form = drafts.find(viewer.memberId(), Drafts.checkIn(id)).map(draft -> {
				// A kept check-in comes back in the form, saying so, with a way to let it go.
				PlanDrafts.offer(Drafts.checkIn(id), request, model);
				return new CheckInForm(draft.field("day"), draft.field("kept"), draft.field("mood"), draft.field("urge"),
						draft.field("note"), token);
			}).orElse(new CheckInForm("today", "", "3", "5", "", token));
			FormErrors.show(model, CHECK_IN_FORM, form, FormErrors.none(form, CHECK_IN_FORM));
		}
		model.addAttribute("checkInPlace", Drafts.checkIn(id));
		return "plans/plan";
	}

	@PostMapping("/plans/{id}/checkin")
	String checkIn(@PathVariable long id, CheckInForm form, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		PlanPage page = ownPage(id, viewer);
		var parsed = PlanRules.checkIn(form.input(), PlanCalendar.today(clock, me.zone()), page.startDate());
		if (!parsed.ok()) {
			drafts.keepIfFits(me.id(), Drafts.checkIn(id), PlanDrafts.fields(form));
			return planAgain(page, form, shown -> FormErrors.of(shown, CHECK_IN_FORM, parsed.errors()), me, model);
		}
		try {
			var result = plans.checkIn(id, me.id(), me.zone(), parsed.value(), form.formToken());
			drafts.discard(me.id(), Drafts.checkIn(id));
			redirect.addFlashAttribute("notice", result.replaced() ? "checkin.replaced" : "checkin.saved");
			if (!parsed.value().keptNoContact()) {
				redirect.addFlashAttribute("notice", "checkin.offerSlip");
				return "redirect:" + Links.plan(id) + "/slip?day=" + parsed.value().day();
			}
			return "redirect:" + Links.plan(id) + "#checkin";
		}
		catch (AlreadyPostedException e) {
			drafts.discard(me.id(), Drafts.checkIn(id));
			return "redirect:" + Links.plan(id) + "#checkin";
		}
		catch (Refusal e) {
			// The plan refuses only for input; the forum's refusals other than "not found" and
			// "forbidden" (locked, too fast, busy) are said on the form too, with the text kept.
			if (e.reason() == Refusal.Reason.NOT_FOUND || e.reason() == Refusal.Reason.FORBIDDEN) {
				throw e;
			}
			drafts.keepIfFits(me.id(), Drafts.checkIn(id), PlanDrafts.fields(form));
			return planAgain(page, form, shown -> FormErrors.refused(shown, CHECK_IN_FORM, e), me, model);
		}
	}

	private String planAgain(PlanPage page, CheckInForm form, Function<CheckInForm, BindingResult> errors,
			MemberPrincipal me, Model model) {
		model.addAttribute("plan", page);
		model.addAttribute("checkInPlace", Drafts.checkIn(page.topicId()));
		model.addAttribute("pictures", pictures.of(page));
		model.addAttribute("purposes", PlanPurpose.values());
		if (!page.active()) {
			// The plan ended while the form was open (another tab, another device): no form to fill
			// again, but the note the member wrote is handed back so it isn't lost.
			model.addAttribute("endedNote", form.note() == null ? "" : form.note());
			return "plans/plan";
		}
		var shown = new CheckInForm(form.day(), form.kept(), form.mood(), form.urge(), form.note(), formTokens.issue(me.id()));
		FormErrors.show(model, CHECK_IN_FORM, shown, errors.apply(shown));
		return "plans/plan";
	}

	@GetMapping("/plans/{id}/edit")
	String editForm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		PlanPage page = ownPage(id, viewer);
		List<String> days = page.keyDates().stream().map(k -> k.day().toString()).toList();
		List<String> labels = page.keyDates().stream().map(k -> k.label()).toList();
		List<String> notes = page.keyDates().stream().map(k -> k.note()).toList();
		String target = PlanRules.TARGETS.contains(page.targetDays()) ? String.valueOf(page.targetDays()) : "custom";
		PlanForm form = new PlanForm(page.title(), page.statement(), page.startDate().toString(), target,
				String.valueOf(page.targetDays()), page.reasons(), page.triggers(), page.instead(), page.visibility().name(),
				days, labels, notes, null, page.purpose().name()).shown(null);
		return planForm(form, FormErrors.none(form, PLAN_FORM), id, me, model);
	}

	@PostMapping("/plans/{id}/edit")
	String edit(@PathVariable long id, PlanForm form, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		ownPage(id, viewer);
		var parsed = PlanRules.plan(form.input(), PlanCalendar.today(clock, me.zone()));
		if (!parsed.ok()) {
			PlanForm shown = form.shown(form.formToken());
			return planForm(shown, FormErrors.of(shown, PLAN_FORM, PlanForm.fields(parsed.errors())), id, me, model);
		}
		try {
			plans.update(id, me.id(), me.zone(), parsed.value());
		}
		catch (Refusal e) {
			PlanForm shown = form.shown(form.formToken());
			return planForm(shown, FormErrors.refused(shown, PLAN_FORM, e), id, me, model);
		}
		redirect.addFlashAttribute("notice", "plan.saved");
		return "redirect:" + Links.plan(id);
	}

	@PostMapping("/plans/{id}/purpose")
	String changePurpose(@PathVariable long id, @RequestParam(required = false) String purpose, Viewer viewer,
			@AuthenticationPrincipal MemberPrincipal me, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		PlanPage page = ownPage(id, viewer);
		var parsed = PlanRules.purpose(purpose == null ? "" : purpose);
		if (!parsed.ok()) {
			model.addAttribute("purposeError", parsed.errors().get("purpose"));
			return planPage(page, viewer, request, model);
		}
		plans.changePurpose(id, me.id(), parsed.value());
		redirect.addFlashAttribute("notice", "plan.purposeSaved");
		return "redirect:" + Links.plan(id) + "#purpose";
	}

	@PostMapping("/plans/{id}/end")
	String end(@PathVariable long id, @RequestParam String outcome, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		PlanStatus status;
		try {
			status = PlanStatus.valueOf(outcome);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("outcome", "plan.outcome.invalid");
		}
		plans.end(id, me.id(), status);
		redirect.addFlashAttribute("notice", status == PlanStatus.FINISHED ? "plan.finished" : "plan.abandoned");
		return "redirect:" + Links.plan(id);
	}

	@GetMapping("/plans/{id}/slip")
	String slipForm(@PathVariable long id, @RequestParam(required = false) String day,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		PlanPage page = ownPage(id, viewer);
		String initial = day != null ? day : PlanCalendar.today(clock, me.zone()).toString();
		var form = new SlipForm(initial, "", "", "");
		return slipPage(page, form, FormErrors.none(form, SLIP_FORM), model);
	}

	@PostMapping("/plans/{id}/slip")
	String slip(@PathVariable long id, SlipForm form, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		PlanPage page = ownPage(id, viewer);
		var parsed = PlanRules.slip(form.input(), PlanCalendar.today(clock, me.zone()), page.startDate());
		if (!parsed.ok()) {
			return slipPage(page, form, FormErrors.of(form, SLIP_FORM, parsed.errors()), model);
		}
		try {
			plans.recordSlip(id, me.id(), me.zone(), parsed.value());
		}
		catch (Refusal e) {
			if (e.reason() != Refusal.Reason.INVALID) {
				throw e;
			}
			return slipPage(page, form, FormErrors.refused(form, SLIP_FORM, e), model);
		}
		redirect.addFlashAttribute("notice", "slip.saved");
		return "redirect:" + Links.plan(id);
	}

	/** Share a slip's story with the plan's readers, or stop sharing it ({@code shared=false}). */
	@PostMapping("/plans/{id}/slips/{slipId}/share")
	String shareSlip(@PathVariable long id, @PathVariable long slipId, @RequestParam(required = false) String shared,
			@AuthenticationPrincipal MemberPrincipal me, Viewer viewer, RedirectAttributes redirect) {
		ownPage(id, viewer);
		boolean share = !"false".equals(shared);
		plans.shareSlip(id, me.id(), slipId, share);
		redirect.addFlashAttribute("notice", share ? "slip.sharedNotice" : "slip.unsharedNotice");
		return "redirect:" + Links.plan(id) + "#slips";
	}

	private String slipPage(PlanPage page, SlipForm form, BindingResult errors, Model model) {
		model.addAttribute("plan", page);
		FormErrors.show(model, SLIP_FORM, form, errors);
		model.addAttribute("slipKinds", SlipKind.values());
		model.addAttribute("initiators", Initiator.values());
		return "plans/slip";
	}

	@GetMapping("/plans/{id}/contact")
	String contactForm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer, Model model) {
		PlanPage page = ownPage(id, viewer);
		var form = new ContactForm(PlanCalendar.today(clock, me.zone()).toString(), "", "", "");
		return contactPage(page, form, FormErrors.none(form, CONTACT_FORM), model);
	}

	@PostMapping("/plans/{id}/contact")
	String contact(@PathVariable long id, ContactForm form, @AuthenticationPrincipal MemberPrincipal me, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		PlanPage page = ownPage(id, viewer);
		var parsed = PlanRules.contact(form.input(), PlanCalendar.today(clock, me.zone()), page.startDate());
		if (!parsed.ok()) {
			return contactPage(page, form, FormErrors.of(form, CONTACT_FORM, parsed.errors()), model);
		}
		plans.logContact(id, me.id(), me.zone(), parsed.value());
		redirect.addFlashAttribute("notice", "contact.saved");
		return "redirect:" + Links.plan(id) + "/contact";
	}

	private String contactPage(PlanPage page, ContactForm form, BindingResult errors, Model model) {
		model.addAttribute("plan", page);
		FormErrors.show(model, CONTACT_FORM, form, errors);
		model.addAttribute("channels", ContactChannel.values());
		return "plans/contact";
	}

	/** The plan if this member owns it; someone else's plan is 404 if they can't see it, 403 if they can. */
	private PlanPage ownPage(long id, Viewer viewer) {
		PlanPage page = queries.page(viewer, id).orElseThrow(Refusal::notFound);
		if (!page.owner()) {
			throw new Refusal(Refusal.Reason.FORBIDDEN, null, "plan.notYours");
		}
		return page;
	}

	private String planForm(PlanForm form, BindingResult errors, Long editing, MemberPrincipal me, Model model) {
		if (editing == null) {
			model.addAttribute("history", queries.plansOf(me.id()));
		}
		FormErrors.show(model, PLAN_FORM, form, errors);
		model.addAttribute("keyRows", form.keyRows());
		model.addAttribute("editing", editing);
		model.addAttribute("targets", PlanRules.TARGETS);
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("purposes", PlanPurpose.values());
		model.addAttribute("guidance", form.guidance());
		return "plans/form";
	}
}
