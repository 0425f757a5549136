package org.steadfast.notifications.web;

import org.springframework.stereotype.Component;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.notifications.Notifications;

/**
 * The unread count in the header, read by the layout as {@code @notificationBell.unread()} only
 * when a page is rendered for a signed-in member, so redirects and guests cost nothing.
 */
@Component("notificationBell")
class Bell {

	private final Notifications notifications;

	Bell(Notifications notifications) {
		this.notifications = notifications;
	}

	public int unread() {
		return CurrentMember.id().map(notifications::unreadCount).orElse(0);
	}
}
