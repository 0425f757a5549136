package org.steadfast.forum;

public enum TopicKind {
	DISCUSSION, PLAN
}
