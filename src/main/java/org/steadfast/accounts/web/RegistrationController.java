package org.steadfast.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.DuplicateAccountException;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.PasswordRules;
import org.steadfast.accounts.TimeZones;
import org.steadfast.accounts.UsernameRules;
import org.steadfast.text.PlainText;

@Controller
class RegistrationController {

	/** Deliberately simple: one @, no spaces or controls, a dot in the domain. Delivery is the real test. */
	private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");

	private final MemberService members;
	private final SignIn signIn;

	RegistrationController(MemberService members, SignIn signIn) {
		this.members = members;
		this.signIn = signIn;
	}

	@ModelAttribute("timeZones")
	java.util.List<String> timeZones() {
		return TimeZones.CHOICES;
	}

	@GetMapping("/register")
	String form(Model model) {
		if (CurrentMember.get().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("form", RegisterForm.empty());
		return "accounts/register";
	}

	@PostMapping("/register")
	String register(RegisterForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = new DirectFieldBindingResult(form, "form");
		validate(form, errors);
		if (!errors.hasErrors()) {
			try {
				var member = members.register(new MemberService.Registration(form.username().trim(),
						form.email().trim(), form.password(), TimeZones.parse(form.timeZone()).orElseThrow()));
				signIn.signIn(member, request, response, true);
				redirect.addFlashAttribute("notice", "register.welcome");
				return "redirect:/";
			}
			catch (DuplicateAccountException e) {
				errors.rejectValue(e.field(), e.field() + ".taken");
			}
		}
		model.addAttribute("form", form.withoutPassword());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", rebind(form.withoutPassword(), errors));
		return "accounts/register";
	}

	private void validate(RegisterForm form, BindingResult errors) {
		String username = form.username() == null ? "" : form.username().trim();
		UsernameRules.check(username).ifPresentOrElse(code -> errors.rejectValue("username", code), () -> {
			if (members.usernameTaken(username)) {
				errors.rejectValue("username", "username.taken");
			}
		});
		String email = form.email() == null ? "" : form.email().trim();
		if (email.isEmpty()) {
			errors.rejectValue("email", "email.required");
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches() || PlainText.hasForbiddenCharacters(email)) {
			errors.rejectValue("email", "email.invalid");
		}
		else if (members.emailTaken(email)) {
			errors.rejectValue("email", "email.taken");
		}
		PasswordRules.check(form.password(), username, email).ifPresent(code -> errors.rejectValue("password", code));
		if (TimeZones.parse(form.timeZone()).isEmpty()) {
			errors.rejectValue("timeZone", "timeZone.invalid");
		}
	}

	/** Errors bound to the password-less copy, so the page shows them but never echoes the password. */
	static BindingResult rebind(Object target, BindingResult errors) {
		var copy = new DirectFieldBindingResult(target, errors.getObjectName());
		errors.getFieldErrors().forEach(e -> copy.rejectValue(e.getField(), e.getCode()));
		errors.getGlobalErrors().forEach(e -> copy.reject(e.getCode()));
		return copy;
	}
}
