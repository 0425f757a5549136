package org.steadfast.plans.charts;

/** The two things every chart needs to write markup by hand safely and compactly. */
final class Xml {

	private Xml() {
	}

	/**
	 * Escaped for both element content and attribute values. Characters XML 1.0 forbids are dropped
	 * rather than escaped, because no escape makes them legal and one of them would make the whole
	 * picture unparseable.
	 */
	static String escape(String text) {
		StringBuilder out = null;
		int length = text.length();
		for (int i = 0; i < length;) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp);
			String replacement = switch (cp) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> allowed(cp) ? null : "";
			};
			if (replacement != null && out == null) {
				out = new StringBuilder(length + 16).append(text, 0, i);
			}
			if (out != null) {
				if (replacement != null) {
					out.append(replacement);
				}
				else {
					out.appendCodePoint(cp);
				}
			}
			i = next;
		}
		return out == null ? text : out.toString();
	}

	private static boolean allowed(int cp) {
		return cp == 0x9 || cp == 0xA || cp == 0xD
				|| (cp >= 0x20 && cp <= 0xD7FF)
				|| (cp >= 0xE000 && cp <= 0xFFFD)
				|| (cp >= 0x10000 && cp <= 0x10FFFF);
	}

	/** One decimal at most and no trailing ".0": coordinates are most of the bytes sent. */
	static String num(double value) {
		long tenths = Math.round(value * 10);
		if (tenths % 10 == 0) {
			return Long.toString(tenths / 10);
		}
		long abs = Math.abs(tenths);
		return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
	}

	/**
	 * The opening of a chart: sized by its viewBox only so that it shrinks to a phone, named by its
	 * title and desc, and with text in the page's own colour so it stays readable in dark mode.
	 */
	static void open(StringBuilder out, String cssClass, int width, int height, Labels labels, String title, String description) {
		String titleId = labels.id("title");
		String descId = labels.id("desc");
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass)
				.append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
				.append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(titleId).append(' ').append(descId)
				.append("\" font-size=\"11\" fill=\"currentColor\"><title id=\"").append(titleId).append("\">")
				.append(escape(title)).append("</title><desc id=\"").append(descId).append("\">")
				.append(escape(description)).append("</desc>");
	}

	static void text(StringBuilder out, double x, double y, String text) {
		out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
				.append(escape(text)).append("</text>");
	}
}
