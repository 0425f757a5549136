package org.steadfast.accounts.web;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
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

	RegistrationController(MemberService members) {
		this.members = members;
	}

	@ModelAttribute("timeZones")
	List<String> timeZones() {
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
	String register(RegisterForm form, Model model, RedirectAttributes redirect) {
		BindingResult errors = new DirectFieldBindingResult(form, "form");
		validate(form, errors);
		if (!errors.hasErrors()) {
			try {
				members.join(new MemberService.Registration(form.username().trim(), form.email().trim(), form.password(),
						TimeZones.parse(form.timeZone()).orElseThrow()));
			}
			catch (DuplicateAccountException e) {
				// An address taken in a race gets the same answer as a new one; a username may be said.
				if (e.field().equals("username")) {
					errors.rejectValue("username", "username.taken");
				}
			}
			if (!errors.hasErrors()) {
				// The same answer whether the address was new (a confirmation link) or a member's (a
				// mail telling them): nobody learns from this page whether an address belongs to a member.
				redirect.addFlashAttribute("notice", "register.checkInbox");
				return "redirect:/login";
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
