package org.steadfast.forum.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.steadfast.common.Refusal;
import org.steadfast.forum.Drafts;
import org.steadfast.forum.FormTokens;
import org.steadfast.web.FormRescue;

/**
 * The reply box and the new-topic form, recognised when their session ended or their CSRF token
 * went stale: the text is kept for the member the form's signed token was issued to, and no one else.
 */
@Component
class ForumFormRescue implements FormRescue {

	private static final Pattern REPLY = Pattern.compile("/t/(\\d{1,18})/reply");

	private final FormTokens tokens;
	private final Drafts drafts;

	ForumFormRescue(FormTokens tokens, Drafts drafts) {
		this.tokens = tokens;
		this.drafts = drafts;
	}

	@Override
	public Optional<Kept> recognise(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return Optional.empty();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String place;
		var reply = REPLY.matcher(path);
		if (reply.matches()) {
			place = Drafts.reply(Long.parseLong(reply.group(1)));
		}
		else if ("/t/new".equals(path)) {
			place = Drafts.NEW_TOPIC;
		}
		else {
			return Optional.empty();
		}
		var owner = tokens.ownerOf(request.getParameter("formToken"));
		var fields = DraftController.typed(request);
		if (owner.isEmpty() || !drafts.fits(fields)) {
			return Optional.empty();
		}
		return Optional.of(new Kept(place, owner.getAsLong(), fields, DraftPlaces.formPath(place)));
	}

	@Override
	public boolean adopt(long memberId, Kept kept) {
		if (!kept.place().startsWith("reply:") && !Drafts.NEW_TOPIC.equals(kept.place())) {
			return false;
		}
		try {
			drafts.save(memberId, kept.place(), kept.fields());
		}
		catch (Refusal refused) {
			// Checked to fit when it was kept; nothing else can refuse it.
		}
		return true;
	}
}
