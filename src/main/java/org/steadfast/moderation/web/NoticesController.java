package org.steadfast.moderation.web;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.moderation.ModerationQueries;

/** A member's own messages from the moderators: warnings and sanctions, with their reasons. */
@Controller
class NoticesController {

	private final ModerationQueries queries;

	NoticesController(ModerationQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/settings/moderation")
	String notices(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("sanctions", queries.sanctionsOf(me.id()));
		model.addAttribute("concern", queries.crisisConcernFor(me.id(), Instant.now().minus(Duration.ofDays(14))));
		return "moderation/notices";
	}
}
