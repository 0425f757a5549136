package org.steadfast.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
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
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.accounts.Role;

/** The admin area's front page and member roles. Security allows ADMIN only under /admin. */
@Controller
class AdminController {

	private final MemberService members;

	AdminController(MemberService members) {
		this.members = members;
	}

	record MemberRow(long id, String username, String displayName, Role role, Instant joinedAt) {
	}

	@GetMapping("/admin")
	String dashboard() {
		return "accounts/admin";
	}

	@GetMapping("/admin/members")
	String members(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("members", members.search(q).stream()
				.map(m -> new MemberRow(m.getId(), m.getUsername(), m.getDisplayName(), m.getRole(), m.getCreatedAt()))
				.toList());
		model.addAttribute("roles", List.of(Role.values()));
		return "accounts/admin-members";
	}

	@PostMapping("/admin/members/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam String role, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		Role newRole;
		try {
			newRole = Role.valueOf(role);
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("roleError", "role.unknown");
			return "redirect:/admin/members?q=" + q;
		}
		try {
			members.changeRole(me.id(), id, newRole);
			redirect.addFlashAttribute("notice", "role.changed");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("roleError", e.getMessage());
		}
		catch (NoSuchElementException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addAttribute("q", q);
		return "redirect:/admin/members";
	}
}
