package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.forum.Drafts;

/**
 * A member's drafts: saved while they type (the script posts the form every few seconds) and
 * discarded from the form that offers one back.
 */
@Controller
class DraftController {

	/** What a form sends that is not what the member typed. */
	private static final Set<String> NOT_TYPED = Set.of("_csrf", "formToken", "place", "preview", "version");

	private final Drafts drafts;
	private final MessageSource messages;

	DraftController(Drafts drafts, MessageSource messages) {
		this.drafts = drafts;
		this.messages = messages;
	}

	/** Saves the form's fields as the member's draft: 204, or 400 with a sentence the script shows. */
	@PostMapping("/drafts")
	ResponseEntity<String> save(@RequestParam(required = false) String place, HttpServletRequest request,
			@AuthenticationPrincipal MemberPrincipal me) {
		try {
			drafts.save(me.id(), place, typed(request));
			return ResponseEntity.noContent().build();
		}
		catch (Refusal refused) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
					.body(messages.getMessage(refused.messageKey(), null, request.getLocale()));
		}
	}

	@PostMapping("/drafts/discard")
	String discard(@RequestParam(required = false) String place, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		if (!Drafts.isPlace(place)) {
			throw Refusal.invalid("place", "draft.unknownPlace");
		}
		drafts.discard(me.id(), place);
		redirect.addFlashAttribute("notice", "draft.discarded");
		return "redirect:" + DraftPlaces.formPath(place);
	}

	static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!NOT_TYPED.contains(name) && values.length > 0) {
				fields.put(name, values[0]);
			}
		});
		return fields;
	}
}
