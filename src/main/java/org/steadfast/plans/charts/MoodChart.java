package org.steadfast.plans.charts;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Mood (1 to 5, left scale) and urge to make contact (0 to 10, right scale) over the most recent
 * check-ins, on a time axis so that skipped days show as gaps rather than being squeezed out. The
 * two lines differ in dash style as well as colour, and both scales are labelled.
 */
public final class MoodChart {

	static final int MAX_POINTS = 60;
	/** The heatmap's width, so that both charts on a plan page are drawn at the same scale. */
	private static final int WIDTH = 342;
	private static final int HEIGHT = 200;
	static final int EMPTY_HEIGHT = 80;
	static final int PLOT_LEFT = 26;
	static final int PLOT_RIGHT = 316;
	static final int PLOT_TOP = 44;
	static final int PLOT_BOTTOM = 176;
	/** Keeps the first and last circles clear of the scale labels. */
	private static final int PAD = 6;
	private static final int X_TICKS = 5;
	private static final String URGE_DASH = "5 3";

	private MoodChart() {
	}

	/** @param points check-ins in any order; only the last {@value #MAX_POINTS} by day are drawn */
	public static Svg render(List<CheckInPoint> points, Labels labels) {
		Objects.requireNonNull(labels, "labels");
		List<CheckInPoint> shown = lastPoints(points);
		String title = labels.text("chart.mood.title");
		StringBuilder out = new StringBuilder(2048 + shown.size() * 200);
		if (shown.isEmpty()) {
			String description = labels.text("chart.mood.emptyDescription");
			Xml.open(out, "mc", WIDTH, EMPTY_HEIGHT, labels, title, description);
			out.append("<rect class=\"mc-empty\" x=\"1\" y=\"1\" width=\"").append(WIDTH - 2).append("\" height=\"")
					.append(EMPTY_HEIGHT - 2).append("\" fill=\"none\"/><g text-anchor=\"middle\">");
			Xml.text(out, WIDTH / 2.0, EMPTY_HEIGHT / 2.0 + 4, labels.text("chart.mood.empty"));
			out.append("</g></svg>");
			return new Svg(out.toString(), title, description);
		}

		DateTimeFormatter shortDate = labels.format("d MMM");
		DateTimeFormatter longDate = labels.format("d MMM yyyy");
		LocalDate first = shown.get(0).day();
		LocalDate last = shown.get(shown.size() - 1).day();
		long span = ChronoUnit.DAYS.between(first, last);
		String description = description(shown, labels, longDate);
		Xml.open(out, "mc", WIDTH, HEIGHT, labels, title, description);

		legend(out, labels);
		scales(out, labels);
		timeAxis(out, first, span, shortDate);

		StringBuilder mood = new StringBuilder("M");
		StringBuilder urge = new StringBuilder("M");
		StringBuilder dots = new StringBuilder(shown.size() * 160);
		for (CheckInPoint point : shown) {
			String x = Xml.num(x(ChronoUnit.DAYS.between(first, point.day()), span));
			String moodY = Xml.num(moodY(point.mood()));
			String urgeY = Xml.num(urgeY(point.urge()));
			segment(mood, x, moodY);
			segment(urge, x, urgeY);
			String tooltip = labels.text("chart.mood.point", shortDate.format(point.day()), point.mood(), point.urge());
			dots.append("<g><title>").append(Xml.escape(tooltip)).append("</title><circle class=\"mc-mood-pt\" cx=\"")
					.append(x).append("\" cy=\"").append(moodY).append("\" r=\"3\"/><circle class=\"mc-urge-pt\" cx=\"")
					.append(x).append("\" cy=\"").append(urgeY).append("\" r=\"3\"/></g>");
		}
		series(out, "mc-mood", mood, null);
		series(out, "mc-urge", urge, URGE_DASH);
		out.append(dots).append("</svg>");
		return new Svg(out.toString(), title, description);
	}

	/** One row per check-in drawn, oldest first: the date, then mood and urge. */
	public static List<TableRow> table(List<CheckInPoint> points, Labels labels) {
		Objects.requireNonNull(labels, "labels");
		DateTimeFormatter date = labels.format("EEE d MMM yyyy");
		List<TableRow> rows = new ArrayList<>();
		for (CheckInPoint point : lastPoints(points)) {
			rows.add(new TableRow(point.day(), date.format(point.day()),
					List.of(Integer.toString(point.mood()), Integer.toString(point.urge()))));
		}
		return rows;
	}

	/** Sorted by day; the sort is stable, so two check-ins on one day keep the order they were given in. */
	static List<CheckInPoint> lastPoints(List<CheckInPoint> points) {
		if (points == null || points.isEmpty()) {
			return List.of();
		}
		List<CheckInPoint> sorted = new ArrayList<>(points);
		sorted.forEach(p -> Objects.requireNonNull(p, "check-in point"));
		sorted.sort(Comparator.comparing(CheckInPoint::day));
		return List.copyOf(sorted.subList(Math.max(0, sorted.size() - MAX_POINTS), sorted.size()));
	}

	private static String description(List<CheckInPoint> shown, Labels labels, DateTimeFormatter date) {
		double moodSum = 0;
		double urgeSum = 0;
		for (CheckInPoint point : shown) {
			moodSum += point.mood();
			urgeSum += point.urge();
		}
		NumberFormat average = NumberFormat.getNumberInstance(labels.locale());
		average.setMinimumFractionDigits(1);
		average.setMaximumFractionDigits(1);
		CheckInPoint latest = shown.get(shown.size() - 1);
		return labels.text("chart.mood.description", shown.size(), date.format(shown.get(0).day()), date.format(latest.day()),
				average.format(moodSum / shown.size()), average.format(urgeSum / shown.size()), latest.mood(), latest.urge());
	}

	static double x(long dayIndex, long span) {
		if (span == 0) {
			return (PLOT_LEFT + PLOT_RIGHT) / 2.0;
		}
		return PLOT_LEFT + PAD + (PLOT_RIGHT - PLOT_LEFT - 2.0 * PAD) * dayIndex / span;
	}

	static double moodY(double mood) {
		return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (mood - CheckInPoint.MOOD_MIN) / (CheckInPoint.MOOD_MAX - CheckInPoint.MOOD_MIN);
	}

	static double urgeY(double urge) {
		return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (urge - CheckInPoint.URGE_MIN) / (CheckInPoint.URGE_MAX - CheckInPoint.URGE_MIN);
	}

	private static void segment(StringBuilder path, String x, String y) {
		if (path.length() > 1) {
			path.append('L');
		}
		path.append(x).append(' ').append(y);
	}

	/** Stroke, width and dash are written as attributes so the series stay apart even where the stylesheet is missing. */
	private static void series(StringBuilder out, String cssClass, CharSequence d, String dash) {
		out.append("<path class=\"").append(cssClass).append("\" d=\"").append(d)
				.append("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"");
		if (dash != null) {
			out.append(" stroke-dasharray=\"").append(dash).append('"');
		}
		out.append("/>");
	}

	private static void legend(StringBuilder out, Labels labels) {
		int y = 12;
		int[] starts = { 2, WIDTH / 2 };
		String[] classes = { "mc-mood", "mc-urge" };
		String[] dashes = { null, URGE_DASH };
		String[] keys = { "chart.mood.legendMood", "chart.mood.legendUrge" };
		for (int i = 0; i < 2; i++) {
			int x = starts[i];
			series(out, classes[i], "M" + x + ' ' + (y - 4) + "h22", dashes[i]);
			out.append("<circle class=\"").append(classes[i]).append("-pt\" cx=\"").append(x + 11).append("\" cy=\"")
					.append(y - 4).append("\" r=\"3\"/>");
			Xml.text(out, x + 28, y, labels.text(keys[i]));
		}
	}

	/**
	 * Grid lines sit on the five mood values, which are also urge 0, 2.5, 5, 7.5 and 10; the urge
	 * scale labels only the whole numbers among them.
	 */
	private static void scales(StringBuilder out, Labels labels) {
		StringBuilder grid = new StringBuilder();
		for (int mood = CheckInPoint.MOOD_MIN; mood <= CheckInPoint.MOOD_MAX; mood++) {
			grid.append('M').append(PLOT_LEFT).append(' ').append(Xml.num(moodY(mood))).append('H').append(PLOT_RIGHT);
		}
		out.append("<path class=\"mc-grid\" d=\"").append(grid).append("\"/>");
		Xml.text(out, 2, PLOT_TOP - 12, labels.text("chart.mood.axisMood"));
		out.append("<g text-anchor=\"end\">");
		for (int mood = CheckInPoint.MOOD_MIN; mood <= CheckInPoint.MOOD_MAX; mood++) {
			Xml.text(out, PLOT_LEFT - 5, moodY(mood) + 4, Integer.toString(mood));
		}
		Xml.text(out, WIDTH - 2, PLOT_TOP - 12, labels.text("chart.mood.axisUrge"));
		out.append("</g>");
		for (int urge = CheckInPoint.URGE_MIN; urge <= CheckInPoint.URGE_MAX; urge += 5) {
			Xml.text(out, PLOT_RIGHT + 5, urgeY(urge) + 4, Integer.toString(urge));
		}
	}

	/** Up to five evenly spaced dates, fewer when the check-ins cover fewer days than that. */
	private static void timeAxis(StringBuilder out, LocalDate first, long span, DateTimeFormatter date) {
		StringBuilder ticks = new StringBuilder();
		out.append("<g text-anchor=\"middle\">");
		long previous = -1;
		for (int i = 0; i < X_TICKS; i++) {
			long dayIndex = span == 0 ? 0 : Math.round((double) span * i / (X_TICKS - 1));
			if (dayIndex == previous) {
				continue;
			}
			previous = dayIndex;
			double x = x(dayIndex, span);
			ticks.append('M').append(Xml.num(x)).append(' ').append(PLOT_BOTTOM).append("v4");
			Xml.text(out, x, PLOT_BOTTOM + 16, date.format(first.plusDays(dayIndex)));
		}
		out.append("</g><path class=\"mc-grid\" d=\"").append(ticks).append("\"/>");
	}
}
