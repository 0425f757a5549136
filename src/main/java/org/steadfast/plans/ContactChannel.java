package org.steadfast.plans;

/** How the ex reached out. */
public enum ContactChannel {
	TEXT, CALL, SOCIAL_MEDIA, IN_PERSON, FRIENDS
}
