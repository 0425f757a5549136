package org.steadfast.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about. Each kind has its own preference; SOS calls and nudges from a
 * partner matter enough to be mailed by default, everything else stays on the site. Staff kinds
 * concern moderators' work and are offered only to them.
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
	PARTNER_MESSAGE(Channel.IN_APP),
	/** Someone worried about the member after reading their post: a kind, private pointer to help. */
	CRISIS_CONCERN(Channel.IN_APP),
	/** A post flagged as a crisis concern waits at the top of the review queue. */
	CRISIS_QUEUE(Channel.IN_APP, true);

	private final Channel defaultChannel;
	private final boolean staffOnly;

	NotificationKind(Channel defaultChannel) {
		this(defaultChannel, false);
	}

	NotificationKind(Channel defaultChannel, boolean staffOnly) {
		this.defaultChannel = defaultChannel;
		this.staffOnly = staffOnly;
	}

	public Channel defaultChannel() {
		return defaultChannel;
	}

	public boolean staffOnly() {
		return staffOnly;
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
