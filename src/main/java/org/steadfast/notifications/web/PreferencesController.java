package org.steadfast.notifications.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.notifications.MailSettings;
import org.steadfast.notifications.NotificationKind;
import org.steadfast.notifications.NotificationKind.Channel;
import org.steadfast.notifications.Preferences;

/**
 * Notification preferences: a channel per kind, the digest and discreet mode. The form posts
 * {@code kind.REPLY=EMAIL} and so on; an unknown kind or channel is refused with a message on the
 * same page, and nothing is saved.
 */
@Controller
class PreferencesController {

	private final Preferences preferences;
	private final MailSettings mailSettings;

	PreferencesController(Preferences preferences, MailSettings mailSettings) {
		this.preferences = preferences;
		this.mailSettings = mailSettings;
	}

	record Row(NotificationKind kind, Channel channel) {
	}

	@GetMapping("/settings/notifications")
	String form(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		return show(me, preferences.all(me.id()), mailSettings.of(me.id()), null, model);
	}

	@PostMapping("/settings/notifications")
	String save(@AuthenticationPrincipal MemberPrincipal me, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Map<NotificationKind, Channel> channels = new EnumMap<>(preferences.all(me.id()));
		String error = null;
		for (var entry : form.entrySet()) {
			if (!entry.getKey().startsWith("kind.")) {
				continue;
			}
			var kind = NotificationKind.parse(entry.getKey().substring(5));
			var channel = Channel.parse(entry.getValue());
			if (kind.isEmpty() || channel.isEmpty()) {
				error = "preferences.unknownKind";
				continue;
			}
			channels.put(kind.get(), channel.get());
		}
		var digest = MailSettings.Digest.parse(form.getOrDefault("digest", "OFF"));
		int hour = parseHour(form.get("digestHour"));
		if (digest.isEmpty()) {
			error = "preferences.unknownDigest";
		}
		else if (hour < 0) {
			error = "digest.hourInvalid";
		}
		var settings = new MailSettings.Settings(digest.orElse(MailSettings.Digest.OFF), Math.max(hour, 0),
				form.containsKey("discreet"));
		if (error != null) {
			return show(me, channels, settings, error, model);
		}
		preferences.save(me.id(), channels);
		mailSettings.save(me.id(), settings);
		redirect.addFlashAttribute("notice", "preferences.saved");
		return "redirect:/settings/notifications";
	}

	private static int parseHour(String value) {
		try {
			int hour = Integer.parseInt(value == null ? "8" : value.trim());
			return hour >= 0 && hour <= 23 ? hour : -1;
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private String show(MemberPrincipal me, Map<NotificationKind, Channel> channels, MailSettings.Settings settings,
			String error, Model model) {
		List<Row> rows = new ArrayList<>();
		channels.forEach((kind, channel) -> {
			if (!kind.staffOnly() || me.isStaff()) {
				rows.add(new Row(kind, channel));
			}
		});
		model.addAttribute("rows", rows);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("mail", settings);
		model.addAttribute("digests", MailSettings.Digest.values());
		model.addAttribute("hours", IntStream.range(0, 24).boxed().toList());
		model.addAttribute("error", error);
		return "notifications/preferences";
	}
}
