package org.steadfast.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.AccountTokens;
import org.steadfast.accounts.AccountTokens.Outcome;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.text.PlainText;

/**
 * Links that arrive by mail: confirming an address, resetting a password, confirming a new
 * address. A GET only shows a page with a button; the token is used by the POST, so a mail
 * scanner opening the link uses nothing up. Bad, expired and used links get a clear page.
 */
@Controller
class AccountMailController {

	private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");

	private final AccountTokens tokens;

	AccountMailController(AccountTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/verify")
	String verifyForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return confirmPage("verify", token, tokens.checkVerification(token), model, response);
	}

	@PostMapping("/verify")
	String verify(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Outcome outcome = tokens.verify(token);
		return confirmPage("verify", token, outcome == Outcome.OK ? null : outcome, model, response);
	}

	@PostMapping("/settings/verify")
	String resendVerification(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		tokens.requestVerification(me.id());
		redirect.addFlashAttribute("notice", "verify.sent");
		return "redirect:/settings";
	}

	@GetMapping("/email/confirm")
	String emailForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return confirmPage("email", token, tokens.checkEmailChange(token), model, response);
	}

	@PostMapping("/email/confirm")
	String confirmEmail(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Outcome outcome = tokens.confirmEmailChange(token);
		return confirmPage("email", token, outcome == Outcome.OK ? null : outcome, model, response);
	}

	/** {@code outcome} OK: show the button; null: done; anything else: why the link does not work. */
	private static String confirmPage(String purpose, String token, Outcome outcome, Model model,
			HttpServletResponse response) {
		model.addAttribute("purpose", purpose);
		model.addAttribute("token", token);
		model.addAttribute("state", outcome == null ? "done" : outcome == Outcome.OK ? "ask" : outcome.name());
		if (outcome != null && outcome != Outcome.OK) {
			response.setStatus(outcome == Outcome.UNKNOWN ? 404 : 410);
		}
		return "accounts/confirm";
	}

	@PostMapping("/settings/email")
	String changeEmail(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, RedirectAttributes redirect) {
		String address = email.trim();
		if (address.isEmpty() || address.length() > 254 || !EMAIL.matcher(address).matches()
				|| PlainText.hasForbiddenCharacters(address)) {
			redirect.addFlashAttribute("emailError", "email.invalid");
			redirect.addFlashAttribute("newEmail", address);
			return "redirect:/settings#email";
		}
		if (!tokens.requestEmailChange(me.id(), currentPassword, address)) {
			redirect.addFlashAttribute("emailError", "password.currentWrong");
			redirect.addFlashAttribute("newEmail", address);
			return "redirect:/settings#email";
		}
		// The same answer whether or not another account uses the address.
		redirect.addFlashAttribute("notice", "email.changeSent");
		return "redirect:/settings";
	}

	@GetMapping("/password/forgot")
	String forgotForm() {
		return "accounts/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Model model) {
		tokens.requestPasswordReset(email.trim());
		model.addAttribute("sent", true);
		return "accounts/forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return resetPage(token, tokens.checkReset(token), null, model, response);
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Outcome outcome;
		try {
			outcome = tokens.resetPassword(token, password);
		}
		catch (IllegalArgumentException e) {
			return resetPage(token, Outcome.OK, e.getMessage(), model, response);
		}
		if (outcome == Outcome.OK) {
			redirect.addFlashAttribute("notice", "reset.done");
			return "redirect:/login";
		}
		return resetPage(token, outcome, null, model, response);
	}

	private static String resetPage(String token, Outcome outcome, String passwordError, Model model,
			HttpServletResponse response) {
		model.addAttribute("token", token);
		model.addAttribute("state", outcome.name());
		model.addAttribute("passwordError", passwordError);
		if (outcome != Outcome.OK) {
			response.setStatus(outcome == Outcome.UNKNOWN ? 404 : 410);
		}
		return "accounts/reset";
	}
}
