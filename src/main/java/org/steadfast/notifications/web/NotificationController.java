package org.steadfast.notifications.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.notifications.Notifications;
import org.steadfast.web.Pages;

@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "1") String page, Model model) {
		var shown = notifications.page(me.id(), Pages.number(page));
		model.addAttribute("notifications", shown);
		model.addAttribute("pager", Pages.plainSteps(shown.page(), shown.hasNext(), "/notifications"));
		return "notifications/list";
	}

	/** Opening a notification marks it read (a POST, since it changes state) and goes where it points. */
	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		var notification = notifications.find(me.id(), id).orElseThrow(Refusal::notFound);
		notifications.markRead(me.id(), id);
		return "redirect:" + notification.link();
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		notifications.find(me.id(), id).orElseThrow(Refusal::notFound);
		notifications.markRead(me.id(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		notifications.markAllRead(me.id());
		redirect.addFlashAttribute("notice", "notifications.allRead");
		return "redirect:/notifications";
	}
}
