package org.steadfast.plans.charts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A calendar of the last 26 ISO weeks, one column per week and one row per weekday from Monday,
 * in the manner of a contribution graph. Colours come from the site's stylesheet through the
 * {@code hm-*} classes so that light and dark mode both work; each state also has its own shape
 * (a dot for a check-in, a diagonal stroke for a slip, a small square for no data, a flat bar
 * before the plan) so that nobody needs to tell colours apart to read it.
 */
public final class Heatmap {

	private static final int WEEKS = 26;
	private static final int CELL = 10;
	private static final int STEP = 12;
	/** Room for the weekday names; the viewBox then comes to about the width of a phone's content column. */
	private static final int LEFT = 30;
	private static final int TOP = 16;
	private static final int WIDTH = LEFT + WEEKS * STEP;
	private static final int LEGEND_TOP = TOP + 7 * STEP + 12;
	private static final int LEGEND_COLUMN = 110;
	private static final int LEGEND_ROW = 16;
	private static final int LEGEND_COLUMNS = 3;
	/** The month label of the first column is dropped when the next one follows this closely, or the two would overlap. */
	private static final int MIN_LABEL_GAP = 3;

	private static final DayState[] LEGEND = { DayState.NO_CONTACT, DayState.CHECKED_IN, DayState.SLIP,
			DayState.NONE, DayState.BEFORE_PLAN, DayState.FUTURE };
	/** The legend has one more entry than states: the ring around today. */
	private static final int LEGEND_ROWS = (LEGEND.length + 1 + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS;
	static final int HEIGHT = LEGEND_TOP + LEGEND_ROWS * LEGEND_ROW - 4;

	private Heatmap() {
	}

	/**
	 * @param today the member's today in their own time zone; its week is the last column and
	 *        every later day is drawn as {@link DayState#FUTURE} whatever {@code days} says
	 * @param days the state of each day; a day that is missing (or a null map) counts as {@link DayState#NONE}
	 */
	public static Svg render(LocalDate today, Map<LocalDate, DayState> days, Labels labels) {
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(labels, "labels");
		LocalDate first = firstDay(today);
		DateTimeFormatter dayFormat = labels.format("EEE d MMM yyyy");
		DateTimeFormatter periodFormat = labels.format("d MMM yyyy");

		Map<DayState, Integer> counts = new EnumMap<>(DayState.class);
		Marks marks = new Marks();
		StringBuilder cells = new StringBuilder(24 * 1024);
		for (int week = 0; week < WEEKS; week++) {
			for (int weekday = 0; weekday < 7; weekday++) {
				LocalDate day = first.plusDays(week * 7L + weekday);
				DayState state = stateOn(day, today, days);
				counts.merge(state, 1, Integer::sum);
				String date = dayFormat.format(day);
				String title = day.equals(today)
						? labels.text("chart.heatmap.todaySquare", date, stateText(state, labels))
						: labels.text("chart.heatmap.square", date, stateText(state, labels));
				shape(cells, marks, state, LEFT + week * STEP, TOP + weekday * STEP, title);
			}
		}

		int noContact = counts.getOrDefault(DayState.NO_CONTACT, 0) + counts.getOrDefault(DayState.CHECKED_IN, 0);
		String title = labels.text("chart.heatmap.title");
		String description = labels.text("chart.heatmap.description", periodFormat.format(first), periodFormat.format(today),
				noContact, counts.getOrDefault(DayState.CHECKED_IN, 0), counts.getOrDefault(DayState.SLIP, 0));

		StringBuilder out = new StringBuilder(cells.length() + 4096);
		Xml.open(out, "hm", WIDTH, HEIGHT, labels, title, description);
		monthLabels(out, first, labels);
		weekdayLabels(out, labels);
		out.append(cells);
		int todayColumn = WEEKS - 1;
		int todayRow = today.getDayOfWeek().getValue() - 1;
		ring(out, LEFT + todayColumn * STEP, TOP + todayRow * STEP);
		legend(out, marks, labels);
		marks.write(out);
		out.append("</svg>");
		return new Svg(out.toString(), title, description);
	}

	/**
	 * One row per day from the first Monday through today, oldest first. Future days are left out:
	 * the picture shows them only to complete the week.
	 */
	public static List<TableRow> table(LocalDate today, Map<LocalDate, DayState> days, Labels labels) {
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(labels, "labels");
		DateTimeFormatter dayFormat = labels.format("EEE d MMM yyyy");
		List<TableRow> rows = new ArrayList<>(WEEKS * 7);
		for (LocalDate day = firstDay(today); !day.isAfter(today); day = day.plusDays(1)) {
			rows.add(new TableRow(day, dayFormat.format(day), List.of(stateText(stateOn(day, today, days), labels))));
		}
		return rows;
	}

	static LocalDate firstDay(LocalDate today) {
		return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
	}

	private static DayState stateOn(LocalDate day, LocalDate today, Map<LocalDate, DayState> days) {
		if (day.isAfter(today)) {
			return DayState.FUTURE;
		}
		DayState state = days == null ? null : days.get(day);
		return state == null ? DayState.NONE : state;
	}

	private static String cssClass(DayState state) {
		return switch (state) {
			case NO_CONTACT -> "hm-no-contact";
			case CHECKED_IN -> "hm-checked-in";
			case SLIP -> "hm-slip";
			case NONE -> "hm-none";
			case BEFORE_PLAN -> "hm-before";
			case FUTURE -> "hm-future";
		};
	}

	private static String stateText(DayState state, Labels labels) {
		return labels.text("chart.state." + key(state));
	}

	private static String key(DayState state) {
		return switch (state) {
			case NO_CONTACT -> "noContact";
			case CHECKED_IN -> "checkedIn";
			case SLIP -> "slip";
			case NONE -> "none";
			case BEFORE_PLAN -> "beforePlan";
			case FUTURE -> "future";
		};
	}

	/**
	 * The shape is what tells states apart without colour; the title (when given) is the tooltip
	 * for that day. Dots and slip strokes go into two shared paths rather than an element each,
	 * which keeps a full calendar of check-ins several kilobytes smaller.
	 */
	private static void shape(StringBuilder out, Marks marks, DayState state, int x, int y, String title) {
		int left = x;
		int top = y;
		int width = CELL;
		int height = CELL;
		if (state == DayState.NONE) {
			left += 2;
			top += 2;
			width -= 4;
			height -= 4;
		}
		else if (state == DayState.BEFORE_PLAN) {
			top += 4;
			height = 2;
		}
		out.append("<rect class=\"").append(cssClass(state)).append("\" x=\"").append(left)
				.append("\" y=\"").append(top).append("\" width=\"").append(width).append("\" height=\"").append(height);
		if (title == null) {
			out.append("\"/>");
		}
		else {
			out.append("\"><title>").append(Xml.escape(title)).append("</title></rect>");
		}
		if (state == DayState.CHECKED_IN) {
			marks.dots.append('M').append(x + CELL / 2).append(' ').append(y + CELL / 2).append("h0");
		}
		else if (state == DayState.SLIP) {
			marks.slips.append('M').append(x + 1).append(' ').append(y + CELL - 1).append("l8-8");
		}
	}

	/** A zero-length line with round caps is a dot, so one path can hold every check-in's dot. */
	private static final class Marks {

		final StringBuilder dots = new StringBuilder();
		final StringBuilder slips = new StringBuilder();

		void write(StringBuilder out) {
			if (dots.length() > 0) {
				out.append("<path class=\"hm-dot\" d=\"").append(dots)
						.append("\" stroke=\"currentColor\" stroke-width=\"5\" stroke-linecap=\"round\"/>");
			}
			if (slips.length() > 0) {
				out.append("<path class=\"hm-x\" d=\"").append(slips)
						.append("\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>");
			}
		}
	}

	private static void ring(StringBuilder out, int x, int y) {
		out.append("<rect class=\"hm-today\" x=\"").append(x - 1).append("\" y=\"").append(y - 1)
				.append("\" width=\"").append(CELL + 2).append("\" height=\"").append(CELL + 2).append("\" fill=\"none\"/>");
	}

	/**
	 * A month is labelled above the first column whose Monday falls in it. The first column keeps
	 * the label of the month it starts in, unless the next label would run into it.
	 */
	static List<MonthLabel> monthLabels(LocalDate first) {
		List<MonthLabel> labels = new ArrayList<>();
		Month previous = null;
		for (int week = 0; week < WEEKS; week++) {
			Month month = first.plusWeeks(week).getMonth();
			if (month != previous) {
				labels.add(new MonthLabel(week, month));
				previous = month;
			}
		}
		if (labels.size() > 1 && labels.get(1).column() < MIN_LABEL_GAP) {
			labels.remove(0);
		}
		return labels;
	}

	record MonthLabel(int column, Month month) {
	}

	/** A label in one of the last two columns would run out of the picture, so it ends at the grid's right edge instead. */
	private static void monthLabels(StringBuilder out, LocalDate first, Labels labels) {
		for (MonthLabel label : monthLabels(first)) {
			String name = label.month().getDisplayName(TextStyle.SHORT_STANDALONE, labels.locale());
			if (label.column() >= WEEKS - 2) {
				out.append("<g text-anchor=\"end\">");
				Xml.text(out, LEFT + WEEKS * STEP - 2, TOP - 5, name);
				out.append("</g>");
			}
			else {
				Xml.text(out, LEFT + label.column() * STEP, TOP - 5, name);
			}
		}
	}

	/** Every other weekday, as on most calendars of this kind: all seven would not fit beside 10-unit rows. */
	private static void weekdayLabels(StringBuilder out, Labels labels) {
		out.append("<g text-anchor=\"end\">");
		for (DayOfWeek day : new DayOfWeek[] { DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY }) {
			int row = day.getValue() - 1;
			Xml.text(out, LEFT - 4, TOP + row * STEP + CELL - 1, day.getDisplayName(TextStyle.SHORT_STANDALONE, labels.locale()));
		}
		out.append("</g>");
	}

	private static void legend(StringBuilder out, Marks marks, Labels labels) {
		for (int i = 0; i <= LEGEND.length; i++) {
			int x = LEFT + (i % LEGEND_COLUMNS) * LEGEND_COLUMN;
			int y = LEGEND_TOP + (i / LEGEND_COLUMNS) * LEGEND_ROW;
			String text;
			if (i < LEGEND.length) {
				shape(out, marks, LEGEND[i], x, y, null);
				text = labels.text("chart.legend." + key(LEGEND[i]));
			}
			else {
				ring(out, x, y);
				text = labels.text("chart.legend.today");
			}
			Xml.text(out, x + CELL + 5, y + CELL - 1, text);
		}
	}
}
