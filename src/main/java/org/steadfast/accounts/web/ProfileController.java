package org.steadfast.accounts.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.Blocks;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.ProfileSection;

@Controller
class ProfileController {

	private final MemberService members;
	private final Blocks blocks;
	private final List<ProfileSection> sections;

	ProfileController(MemberService members, Blocks blocks, List<ProfileSection> sections) {
		this.members = members;
		this.blocks = blocks;
		this.sections = sections.stream().sorted(Comparator.comparingInt(ProfileSection::order)).toList();
	}

	/** A public profile shows only what the member chose to show; never their email. */
	@GetMapping("/u/{username}")
	String profile(@PathVariable String username, Model model) {
		var member = members.findByUsername(username)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("profile", ProfileView.of(member));
		model.addAttribute("sections", sections.stream().map(s -> s.render(member.getId(), s.order())).toList());
		CurrentMember.id().filter(me -> me != member.getId().longValue())
				.ifPresent(me -> model.addAttribute("blocked", blocks.hasBlocked(me, member.getId())));
		return "accounts/profile";
	}

	@PostMapping("/u/{username}/block")
	String block(@PathVariable String username, @RequestParam boolean block,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		var member = members.findByUsername(username)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (member.getId() == me.id()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (block) {
			members.block(me.id(), member.getId());
		}
		else {
			members.unblock(me.id(), member.getId());
		}
		redirect.addFlashAttribute("notice", block ? "block.done" : "block.undone");
		return "redirect:/u/" + member.getUsername();
	}
}
