package org.steadfast.partners.web;

import java.util.List;

/** The partner profile form. Everything is kept as typed so a refused form comes back unchanged. */
public record ProfileForm(String looking, String checkInHour, List<String> wishes, String intro, String sosHelper) {

	public boolean hasWish(String wish) {
		return wishes != null && wishes.contains(wish);
	}
}
