package org.steadfast.moderation;

public enum FlagReason {
	UNKIND, IDENTIFIES, CRISIS, SPAM, OFF_TOPIC, OTHER
}
