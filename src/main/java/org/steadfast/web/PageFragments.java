package org.steadfast.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parts of a page kept already encoded (a post's rendering, say), spliced into the page's bytes as
 * it is sent instead of being written as text and encoded again on every request. A template
 * writes the marker that {@link #add} returns where the part belongs; the filter that sends pages
 * replaces each marker with the part's bytes. Only pages that filter sends whole (GET and HEAD)
 * accept parts: elsewhere {@link #accepted} is false and the caller writes its text as usual.
 * <p>
 * A part is a list of byte pieces joined by one per-request value (the CSRF token of the forms
 * inside it), so that a part kept for everyone still carries the request's own token. Markers hold
 * a random value of the request's own, so text written into the page (a title, a name) can never
 * pass for one.
 */
public final class PageFragments {

	private static final String ATTRIBUTE = PageFragments.class.getName();
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final char MARK = '\u0000';

	/** One part: its pieces and what joins them (null when there is a single piece). */
	public record Part(byte[][] pieces, byte[] joiner) {
	}

	private final String prefix;
	private final List<Part> parts = new ArrayList<>();

	private PageFragments() {
		byte[] nonce = new byte[6];
		RANDOM.nextBytes(nonce);
		this.prefix = MARK + HexFormat.of().formatHex(nonce) + ":";
	}

	/** Called by the filter that sends the page: from now on this request's page accepts parts. */
	public static PageFragments begin(HttpServletRequest request) {
		PageFragments fragments = new PageFragments();
		request.setAttribute(ATTRIBUTE, fragments);
		return fragments;
	}

	/** Whether the page being rendered for this request is sent by splicing parts in. */
	public static boolean accepted(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof PageFragments;
	}

	/**
	 * Adds a part to this request's page and returns the marker to write where it goes.
	 * Only when {@link #accepted}.
	 */
	public static String add(HttpServletRequest request, byte[][] pieces, String joiner) {
		PageFragments fragments = (PageFragments) request.getAttribute(ATTRIBUTE);
		fragments.parts.add(new Part(pieces, joiner == null ? null : joiner.getBytes(StandardCharsets.UTF_8)));
		return fragments.prefix + (fragments.parts.size() - 1) + MARK;
	}

	/** The marker's common beginning: the NUL character and this request's random value. */
	public String prefix() {
		return prefix;
	}

	public boolean isEmpty() {
		return parts.isEmpty();
	}

	/** The part with this number, or null when there is none (a marker this request did not write). */
	public Part part(int index) {
		return index >= 0 && index < parts.size() ? parts.get(index) : null;
	}

	/** Splits a text at each {@code joiner} and encodes the pieces: what {@link #add} takes. */
	public static byte[][] pieces(String text, String joiner) {
		List<byte[]> pieces = new ArrayList<>();
		int from = 0;
		for (int at = text.indexOf(joiner); at >= 0; at = text.indexOf(joiner, from)) {
			pieces.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
			from = at + joiner.length();
		}
		pieces.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
		return pieces.toArray(byte[][]::new);
	}

	/** The text of pieces joined by {@code joiner}: for a page that does not accept parts. */
	public static String text(byte[][] pieces, String joiner) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < pieces.length; i++) {
			if (i > 0) {
				text.append(joiner);
			}
			text.append(new String(pieces[i], StandardCharsets.UTF_8));
		}
		return text.toString();
	}
}
