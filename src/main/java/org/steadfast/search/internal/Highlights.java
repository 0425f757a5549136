package org.steadfast.search.internal;

/**
 * Turns what the highlighter returns into HTML that holds nothing of the post but text. The
 * highlighter is asked for raw text with two private-use characters around each match, never
 * for HTML: its own encoder is skipped by the no-match path (a post's opening came back as the
 * post's text unescaped, so a {@code <meta http-equiv="refresh">} written as code redirected
 * readers), and backends differ in what they encode. Escaping here, in one place, is the same
 * for every path and backend; {@code <mark>} is the only markup added.
 */
public final class Highlights {

	/** Put before each match by the highlighter. */
	public static final String OPEN = "\uE000";

	/** Put after each match by the highlighter. */
	public static final String CLOSE = "\uE001";

	private Highlights() {
	}

	/**
	 * The fragment as escaped HTML with its matches in {@code <mark>}. Marks are always balanced:
	 * a stray marker character the text itself holds opens or closes nothing out of turn.
	 */
	public static String toHtml(String fragment) {
		StringBuilder html = new StringBuilder(fragment.length() + 32);
		boolean open = false;
		for (int i = 0; i < fragment.length(); i++) {
			char c = fragment.charAt(i);
			switch (c) {
				case '\uE000' -> {
					if (!open) {
						html.append("<mark>");
						open = true;
					}
				}
				case '\uE001' -> {
					if (open) {
						html.append("</mark>");
						open = false;
					}
				}
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
		if (open) {
			html.append("</mark>");
		}
		return html.toString();
	}
}
