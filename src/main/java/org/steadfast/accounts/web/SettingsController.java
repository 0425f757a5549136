package org.steadfast.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.Member;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.PasswordRules;
import org.steadfast.accounts.SignedInSessions;
import org.steadfast.accounts.TimeZones;
import org.steadfast.text.PlainText;

@Controller
class SettingsController {

	private final MemberService members;
	private final SignIn signIn;
	private final SignedInSessions sessions;

	SettingsController(MemberService members, SignIn signIn, SignedInSessions sessions) {
		this.members = members;
		this.signIn = signIn;
		this.sessions = sessions;
	}

	@ModelAttribute("timeZones")
	List<String> timeZones() {
		return TimeZones.CHOICES;
	}

	/** The address and whether it is confirmed, for the email section of the page. */
	@ModelAttribute("account")
	Member account(@AuthenticationPrincipal MemberPrincipal me) {
		return me == null ? null : members.findById(me.id()).orElse(null);
	}

	@GetMapping("/settings")
	String settings(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("settings", new SettingsForm(me.displayName(), me.zoneId()));
		model.addAttribute("passwordForm", PasswordForm.empty());
		return "accounts/settings";
	}

	@PostMapping("/settings")
	String save(@AuthenticationPrincipal MemberPrincipal me, SettingsForm settings, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		BindingResult errors = new DirectFieldBindingResult(settings, "settings");
		String name = PlainText.normalize(settings.displayName());
		if (name.isEmpty()) {
			errors.rejectValue("displayName", "displayName.required");
		}
		else if (PlainText.length(name) > 50) {
			errors.rejectValue("displayName", "displayName.length");
		}
		else if (PlainText.hasForbiddenCharacters(name) || PlainText.hasLineBreaks(name)) {
			errors.rejectValue("displayName", "text.forbiddenCharacters");
		}
		var zone = TimeZones.parse(settings.timeZone());
		if (zone.isEmpty()) {
			errors.rejectValue("timeZone", "timeZone.invalid");
		}
		if (errors.hasErrors()) {
			model.addAttribute("settings", settings);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "settings", errors);
			model.addAttribute("passwordForm", PasswordForm.empty());
			return "accounts/settings";
		}
		var member = members.updateSettings(me.id(), name, zone.get());
		signIn.signIn(member, request, response, false);
		redirect.addFlashAttribute("notice", "settings.saved");
		return "redirect:/settings";
	}

	@PostMapping("/settings/password")
	String changePassword(@AuthenticationPrincipal MemberPrincipal me, PasswordForm form, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = new DirectFieldBindingResult(PasswordForm.empty(), "passwordForm");
		if (form.currentPassword() == null || form.currentPassword().isEmpty()) {
			errors.rejectValue("currentPassword", "password.currentRequired");
		}
		PasswordRules.check(form.newPassword(), me.username(), null)
				.ifPresent(code -> errors.rejectValue("newPassword", code));
		if (!errors.hasErrors() && !members.changePassword(me.id(), form.currentPassword(), form.newPassword())) {
			errors.rejectValue("currentPassword", "password.currentWrong");
		}
		if (errors.hasErrors()) {
			model.addAttribute("settings", new SettingsForm(me.displayName(), me.zoneId()));
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "passwordForm", errors);
			return "accounts/settings";
		}
		// Whoever knew the old password is signed out of every other browser and remembered device.
		sessions.endOthersFor(me.id(), request);
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/settings";
	}
}
