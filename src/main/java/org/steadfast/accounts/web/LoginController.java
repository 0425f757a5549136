package org.steadfast.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.steadfast.accounts.CurrentMember;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(Model model) {
		if (CurrentMember.get().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("login", model.getAttribute("login") == null ? "" : model.getAttribute("login"));
		return "accounts/login";
	}
}
