package org.steadfast.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about. Each kind has its own preference; SOS calls and nudges from a
 * partner matter enough to be mailed by default, everything else stays on the site.
 */
public enum NotificationKind {
	REPLY(Channel.IN_APP),
	PLAN_REPLY(Channel.IN_APP),
	QUOTE(Channel.IN_APP),
	MENTION(Channel.IN_APP),
	REACTION(Channel.IN_APP),
	MILESTONE(Channel.IN_APP),
	MODERATION(Channel.IN_APP),
	FLAG_DECIDED(Channel.IN_APP),
	PARTNER_PROPOSAL(Channel.IN_APP),
	PARTNER_ACCEPTED(Channel.IN_APP),
	PARTNER_ENDED(Channel.IN_APP),
	PARTNER_NUDGE(Channel.EMAIL),
	PARTNER_SOS(Channel.EMAIL),
	PARTNER_MESSAGE(Channel.IN_APP);

	private final Channel defaultChannel;

	NotificationKind(Channel defaultChannel) {
		this.defaultChannel = defaultChannel;
	}

	public Channel defaultChannel() {
		return defaultChannel;
	}

	public static Optional<NotificationKind> parse(String name) {
		return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
	}

	/** Where a member wants a kind: on the site, on the site and by email, or not at all. */
	public enum Channel {
		IN_APP, EMAIL, OFF;

		public static Optional<Channel> parse(String name) {
			return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
		}
	}
}
