package org.steadfast.accounts;

import java.util.Map;

/**
 * A part of a member's public profile that another module fills (their topics, their plan's day
 * counter), so that accounts does not depend on those modules. Each section decides itself what
 * the current reader may see.
 */
public interface ProfileSection {

	/** What to render: a Thymeleaf fragment (e.g. {@code forum/_profile :: topics}) and its model. */
	record Content(String fragment, Map<String, Object> model) {
	}

	Content render(long memberId, int order);

	/** Sections are shown in ascending order. */
	int order();
}
