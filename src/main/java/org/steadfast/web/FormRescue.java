package org.steadfast.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what a member typed when their form can't be taken as sent: the session ended, or its
 * CSRF token went stale. The module that owns the form says which POSTs it recognises, who the
 * form was issued to, and where the form lives; the security configuration keeps the text until
 * that member is signed in again and hands it back here.
 */
public interface FormRescue {

	/** Session attribute naming the place whose form should say the session had ended. */
	String NOTICE = FormRescue.class.getName() + ".NOTICE";

	/**
	 * The text of a POST this module recognises as one of its forms, and the member the form was
	 * issued to (taken from the form's signed token). Empty for any other request, or when the
	 * form's owner can't be told (then nothing is kept).
	 */
	Optional<Kept> recognise(HttpServletRequest request);

	/** Makes the kept text the member's draft of its form; false when the place is not this module's. */
	boolean adopt(long memberId, Kept kept);

	/**
	 * What was typed, for which place, by whom, and the page with the form (a path within the site).
	 * Small: the owning module refuses to keep more than a draft holds.
	 */
	record Kept(String place, long memberId, Map<String, String> fields, String formPath) implements Serializable {
	}
}
