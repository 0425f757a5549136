package org.steadfast.web;

/**
 * Page numbers as they arrive in a query string ({@code ?page=}), for every pager. Whatever a link,
 * bookmark or hand-edited URL holds gives a page: what is not a plain number (letters, fullwidth or
 * Arabic-Indic digits, a sign, spaces) is page 1, a number below 1 is page 1, and a number above
 * {@link #MAX} is {@link #MAX}, so that an offset computed from it never overflows.
 */
public final class Pages {

	/** No listing here has this many pages; far enough that (MAX - 1) × any page size fits an int. */
	public static final int MAX = 10_000;

	private Pages() {
	}

	/** The page a {@code ?page=} value asks for, in [1, {@link #MAX}]; only ASCII digits count as a number. */
	public static int number(String raw) {
		if (raw == null || raw.isEmpty()) {
			return 1;
		}
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return 1;
			}
		}
		String digits = raw.replaceFirst("^0+(?=.)", "");
		if (digits.length() > 5) {
			return MAX;
		}
		return clamp(Integer.parseInt(digits));
	}

	/** A page number in [1, {@link #MAX}]. */
	public static int clamp(int page) {
		return Math.min(Math.max(1, page), MAX);
	}

	/** A page number in [1, {@code pages}] (and in [1, {@link #MAX}]), for a listing that knows its size. */
	public static int clamp(int page, int pages) {
		return Math.min(clamp(page), Math.max(1, pages));
	}

	/** The offset of a page's first row, computed without overflow. */
	public static long offset(int page, int size) {
		return (long) (clamp(page) - 1) * size;
	}
}
