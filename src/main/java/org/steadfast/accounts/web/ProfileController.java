package org.steadfast.accounts.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.steadfast.accounts.MemberService;

@Controller
class ProfileController {

	private final MemberService members;

	ProfileController(MemberService members) {
		this.members = members;
	}

	/** A public profile shows only what the member chose to show; never their email. */
	@GetMapping("/u/{username}")
	String profile(@PathVariable String username, Model model) {
		var member = members.findByUsername(username)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("profile", ProfileView.of(member));
		return "accounts/profile";
	}
}
