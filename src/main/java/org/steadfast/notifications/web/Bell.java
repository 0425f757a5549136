package org.steadfast.notifications.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.notifications.Notifications;

/**
 * The layout's questions about the signed-in member: discreet mode ({@code @notificationBell.discreet()},
 * asked in the head) and the unread count ({@code @notificationBell.unread()}, in the header). Both
 * are answered by one statement per page, kept for the request; guests and redirects cost nothing.
 */
@Component("notificationBell")
class Bell {

	private static final String HEADER = Bell.class.getName() + ".header";

	private final Notifications notifications;

	Bell(Notifications notifications) {
		this.notifications = notifications;
	}

	public boolean discreet() {
		return CurrentMember.id().map(id -> header(id).discreet()).orElse(false);
	}

	public int unread() {
		return CurrentMember.id().map(id -> header(id).anyUnread() ? notifications.unreadCountOfSome(id) : 0).orElse(0);
	}

	private Notifications.Header header(long memberId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return notifications.header(memberId);
		}
		var known = (Notifications.Header) request.getAttribute(HEADER, RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			known = notifications.header(memberId);
			request.setAttribute(HEADER, known, RequestAttributes.SCOPE_REQUEST);
		}
		return known;
	}
}
