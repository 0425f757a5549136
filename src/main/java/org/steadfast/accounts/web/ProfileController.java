package org.steadfast.accounts.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import java.util.List;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.ProfileSection;

@Controller
class ProfileController {

	private final MemberService members;
	private final List<ProfileSection> sections;

	ProfileController(MemberService members, List<ProfileSection> sections) {
		this.members = members;
		this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(ProfileSection::order)).toList();
	}

	/** A public profile shows only what the member chose to show; never their email. */
	@GetMapping("/u/{username}")
	String profile(@PathVariable String username, Model model) {
		var member = members.findByUsername(username)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("profile", ProfileView.of(member));
		model.addAttribute("sections", sections.stream().map(s -> s.render(member.getId(), s.order())).toList());
		return "accounts/profile";
	}
}
