package org.steadfast.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.steadfast.notifications.MailSettings;

/**
 * One-click unsubscribe from the digest (RFC 8058), without signing in: the token in the link is
 * the proof. A GET only asks (mail scanners open links); the POST, from the page or straight from
 * the mail client with {@code List-Unsubscribe=One-Click}, unsubscribes.
 */
@Controller
class UnsubscribeController {

	private final MailSettings mailSettings;

	UnsubscribeController(MailSettings mailSettings) {
		this.mailSettings = mailSettings;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		boolean known = mailSettings.knownToken(token);
		if (!known) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("token", token);
		model.addAttribute("state", known ? "confirm" : "unknown");
		return "notifications/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		boolean done = mailSettings.unsubscribe(token);
		if (!done) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("token", token);
		model.addAttribute("state", done ? "done" : "unknown");
		return "notifications/unsubscribe";
	}
}
