package org.steadfast.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.web.util.UriUtils;

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

	/** The links to every page, this one marked: for a listing that knows its size and has few pages. */
	public static Pager numbered(int page, int pages, String base) {
		return new Pager(page, pages, page < pages, Pager.Style.NUMBERED,
				n -> n > 1 ? base + "?page=" + n : base);
	}

	/** "Newer", "Page N" and "Older", for a list newest first that knows whether another page follows. */
	public static Pager steps(int page, boolean hasNext, String base, String... keep) {
		return new Pager(page, 0, hasNext, Pager.Style.STEPS, query(base, keep));
	}

	/** "Newer" and "Older" alone. */
	public static Pager plainSteps(int page, boolean hasNext, String base, String... keep) {
		return new Pager(page, 0, hasNext, Pager.Style.PLAIN_STEPS, query(base, keep));
	}

	/** "Previous", the pages around this one with the first and the last, and "Next"; each link from {@code links}. */
	public static Pager windowed(int page, int pages, IntFunction<String> links) {
		return new Pager(page, pages, page < pages, Pager.Style.WINDOWED, links);
	}

	/** The page numbers to link: the first, the last, and two either side of this one (0 marks a gap). */
	public static List<Integer> around(int page, int pages) {
		List<Integer> numbers = new ArrayList<>();
		for (int p = 1; p <= pages; p++) {
			if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
				numbers.add(p);
			}
			else if (numbers.get(numbers.size() - 1) != 0) {
				numbers.add(0);
			}
		}
		return numbers;
	}

	/** Links to {@code base} with the parameters to keep (name, value, name, value ...) and then the page. */
	private static IntFunction<String> query(String base, String... keep) {
		StringBuilder kept = new StringBuilder(base).append('?');
		for (int i = 0; i + 1 < keep.length; i += 2) {
			kept.append(UriUtils.encodeQueryParam(keep[i], "UTF-8")).append('=')
					.append(UriUtils.encodeQueryParam(keep[i + 1], "UTF-8")).append('&');
		}
		String prefix = kept.append("page=").toString();
		return n -> prefix + n;
	}

	/**
	 * What {@code fragments/pager.html} draws: the links to a listing's other pages, plain links that
	 * work without script.
	 *
	 * @param page this page
	 * @param pages how many pages there are; 0 when the listing only knows whether another follows
	 * @param hasNext whether a page follows this one
	 * @param style which links to draw
	 * @param links the link to each page number
	 */
	public record Pager(int page, int pages, boolean hasNext, Style style, IntFunction<String> links) {

		public enum Style {
			/** Every page number, this one marked. */
			NUMBERED,
			/** "Newer", "Page N", "Older". */
			STEPS,
			/** "Newer", "Older". */
			PLAIN_STEPS,
			/** "Previous", page numbers around this one with gaps, "Next". */
			WINDOWED
		}

		public boolean hasPrevious() {
			return page > 1;
		}

		/** Whether there is another page to go to at all. */
		public boolean shown() {
			return hasPrevious() || hasNext || pages > 1;
		}

		public String href(int number) {
			return links.apply(number);
		}

		/** The page numbers to draw (0 marks a gap); none for the step styles. */
		public List<Integer> numbers() {
			return switch (style) {
				case NUMBERED -> numbersUpTo(pages);
				case WINDOWED -> around(page, pages);
				case STEPS, PLAIN_STEPS -> List.of();
			};
		}

		public boolean numbered() {
			return style == Style.NUMBERED;
		}

		public boolean windowed() {
			return style == Style.WINDOWED;
		}

		/** Whether "Page N" stands between the steps. */
		public boolean stepsWithPage() {
			return style == Style.STEPS;
		}

		private static List<Integer> numbersUpTo(int pages) {
			List<Integer> numbers = new ArrayList<>(pages);
			for (int n = 1; n <= pages; n++) {
				numbers.add(n);
			}
			return numbers;
		}
	}
}
