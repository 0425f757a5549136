package org.steadfast.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.steadfast.common.Refusal;
import org.steadfast.forum.Drafts;
import org.steadfast.forum.FormTokens;
import org.steadfast.web.FormRescue;

/**
 * The check-in form, recognised when its session ended or its CSRF token went stale: the note is
 * kept for the member the form's signed token was issued to, and no one else.
 */
@Component
class PlanFormRescue implements FormRescue {

	private static final Pattern CHECK_IN = Pattern.compile("/plans/(\\d{1,18})/checkin");

	private final FormTokens tokens;
	private final Drafts drafts;

	PlanFormRescue(FormTokens tokens, Drafts drafts) {
		this.tokens = tokens;
		this.drafts = drafts;
	}

	@Override
	public Optional<Kept> recognise(HttpServletRequest request) {
		var checkIn = CHECK_IN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!"POST".equals(request.getMethod()) || !checkIn.matches()) {
			return Optional.empty();
		}
		var owner = tokens.ownerOf(request.getParameter("formToken"));
		var form = new CheckInForm(request.getParameter("day"), request.getParameter("kept"), request.getParameter("mood"),
				request.getParameter("urge"), request.getParameter("note"), null);
		var fields = PlanDrafts.fields(form);
		if (owner.isEmpty() || !drafts.fits(fields)) {
			return Optional.empty();
		}
		String place = Drafts.checkIn(Long.parseLong(checkIn.group(1)));
		return Optional.of(new Kept(place, owner.getAsLong(), fields, "/plans/" + checkIn.group(1) + "#checkin"));
	}

	@Override
	public boolean adopt(long memberId, Kept kept) {
		if (!kept.place().startsWith("checkin:")) {
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
