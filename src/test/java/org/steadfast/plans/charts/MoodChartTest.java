package org.steadfast.plans.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.steadfast.plans.charts.ChartTesting.elements;
import static org.steadfast.plans.charts.ChartTesting.ids;
import static org.steadfast.plans.charts.ChartTesting.labels;
import static org.steadfast.plans.charts.ChartTesting.parse;
import static org.steadfast.plans.charts.ChartTesting.texts;
import static org.steadfast.plans.charts.ChartTesting.titleOf;


class MoodChartTest {

	private static final LocalDate START = LocalDate.of(2026, 9, 1);

	@Test
	void saysThereAreNoCheckInsYetWhenThereAreNone() {
		Svg chart = MoodChart.render(List.of(), labels("mc"));
		Document svg = parse(chart.markup());
		Element root = svg.getDocumentElement();

		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("aria-labelledby")).isEqualTo("mc-title mc-desc");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 342 " + MoodChart.EMPTY_HEIGHT);
		assertThat(texts(svg)).containsExactly("No check-ins yet");
		assertThat(elements(svg, "circle")).isEmpty();
		assertThat(chart.description()).isEqualTo("No check-ins yet. Mood and urge appear here after your first check-in.");
		assertThat(MoodChart.table(List.of(), labels("mc"))).isEmpty();
		assertThat(MoodChart.render(null, labels("mc")).markup()).isEqualTo(chart.markup());
	}

	@Test
	void drawsTheLastSixtyCheckInsByDayWhateverOrderTheyCameIn() {
		List<CheckInPoint> points = days(75);
		Collections.shuffle(points, new Random(7));

		Document svg = parse(MoodChart.render(points, labels("mc")).markup());

		List<Element> groups = pointGroups(svg);
		assertThat(groups).hasSize(60);
		assertThat(titleOf(groups.get(0))).startsWith("16 Sep:");
		assertThat(titleOf(groups.get(59))).startsWith("14 Nov:");
		List<Double> xs = groups.stream().map(g -> Double.parseDouble(firstCircle(g).getAttribute("cx"))).toList();
		assertThat(xs).isSorted().doesNotHaveDuplicates();
		assertThat(xs.get(0)).isEqualTo(MoodChart.PLOT_LEFT + 6.0);
		assertThat(xs.get(59)).isEqualTo(MoodChart.PLOT_RIGHT - 6.0);
	}

	@Test
	void keepsTheNewestSixtyAndSortsThem() {
		List<CheckInPoint> points = days(61);
		Collections.reverse(points);

		List<CheckInPoint> shown = MoodChart.lastPoints(points);

		assertThat(shown).hasSize(60).extracting(CheckInPoint::day).isSorted();
		assertThat(shown.get(0).day()).isEqualTo(START.plusDays(1));
		assertThat(shown.get(59).day()).isEqualTo(START.plusDays(60));
	}

	@Test
	void givesEachCheckInATooltipWithBothValues() {
		List<CheckInPoint> points = List.of(new CheckInPoint(LocalDate.of(2026, 11, 12), 3, 7),
				new CheckInPoint(LocalDate.of(2026, 11, 10), 5, 0));

		List<Element> groups = pointGroups(parse(MoodChart.render(points, labels("mc")).markup()));

		assertThat(groups).extracting(ChartTesting::titleOf)
				.containsExactly("10 Nov: mood 5 of 5, urge 0 of 10", "12 Nov: mood 3 of 5, urge 7 of 10");
		assertThat(elements(groups.get(0), "circle")).extracting(c -> c.getAttribute("class"))
				.containsExactly("mc-mood-pt", "mc-urge-pt");
	}

	@Test
	void putsBothScalesOnTheFullHeightOfThePlot() {
		List<CheckInPoint> points = List.of(new CheckInPoint(START, 1, 10), new CheckInPoint(START.plusDays(1), 5, 0),
				new CheckInPoint(START.plusDays(2), 3, 5));

		List<Element> groups = pointGroups(parse(MoodChart.render(points, labels("mc")).markup()));

		assertThat(cy(groups.get(0), "mc-mood-pt")).isEqualTo(MoodChart.PLOT_BOTTOM);
		assertThat(cy(groups.get(0), "mc-urge-pt")).isEqualTo(MoodChart.PLOT_TOP);
		assertThat(cy(groups.get(1), "mc-mood-pt")).isEqualTo(MoodChart.PLOT_TOP);
		assertThat(cy(groups.get(1), "mc-urge-pt")).isEqualTo(MoodChart.PLOT_BOTTOM);
		double middle = (MoodChart.PLOT_TOP + MoodChart.PLOT_BOTTOM) / 2.0;
		assertThat(cy(groups.get(2), "mc-mood-pt")).isEqualTo(middle);
		assertThat(cy(groups.get(2), "mc-urge-pt")).isEqualTo(middle);
	}

	@Test
	void spacesCheckInsByDateSoMissedDaysShowAsGaps() {
		List<CheckInPoint> points = List.of(new CheckInPoint(START, 3, 3), new CheckInPoint(START.plusDays(1), 3, 3),
				new CheckInPoint(START.plusDays(10), 3, 3));

		List<Element> groups = pointGroups(parse(MoodChart.render(points, labels("mc")).markup()));

		double a = Double.parseDouble(firstCircle(groups.get(0)).getAttribute("cx"));
		double b = Double.parseDouble(firstCircle(groups.get(1)).getAttribute("cx"));
		double c = Double.parseDouble(firstCircle(groups.get(2)).getAttribute("cx"));
		assertThat(c - b).isCloseTo(9 * (b - a), Offset.offset(0.2));
	}

	@Test
	void drawsTheTwoSeriesWithDifferentDashesAndLabelsBothScales() {
		Document svg = parse(MoodChart.render(days(10), labels("mc")).markup());

		List<Element> lines = elements(svg, "path").stream()
				.filter(p -> p.getAttribute("class").equals("mc-mood") || p.getAttribute("class").equals("mc-urge"))
				.toList();
		assertThat(lines).as("a legend sample and a line for each").hasSize(4);
		for (Element line : lines) {
			assertThat(line.getAttribute("fill")).isEqualTo("none");
			assertThat(line.hasAttribute("stroke-dasharray")).isEqualTo(line.getAttribute("class").equals("mc-urge"));
		}
		Element moodLine = lines.get(2);
		assertThat(moodLine.getAttribute("d")).as("one unbroken line from the first check-in").startsWith("M32 ").contains("L");
		assertThat(moodLine.getAttribute("d").substring(1)).doesNotContain("M");
		assertThat(texts(svg)).contains("Mood (1 to 5)", "Urge (0 to 10)", "Mood", "Urge", "1", "2", "3", "4", "5", "0", "10")
				.contains("1 Sep", "10 Sep");
	}

	@Test
	void centresASingleCheckIn() {
		Svg chart = MoodChart.render(List.of(new CheckInPoint(START, 4, 2)), labels("mc"));
		Document svg = parse(chart.markup());

		Element circle = firstCircle(pointGroups(svg).get(0));
		assertThat(Double.parseDouble(circle.getAttribute("cx"))).isEqualTo((MoodChart.PLOT_LEFT + MoodChart.PLOT_RIGHT) / 2.0);
		assertThat(texts(svg)).filteredOn("1 Sep"::equals).hasSize(1);
		assertThat(chart.description()).isEqualTo("Check-ins shown: 1, from 1 Sep 2026 to 1 Sep 2026. "
				+ "Average mood 4.0 of 5, average urge 2.0 of 10. Latest check-in: mood 4 of 5, urge 2 of 10.");
	}

	@Test
	void describesTheCheckInsShown() {
		List<CheckInPoint> points = List.of(new CheckInPoint(START, 2, 9), new CheckInPoint(START.plusDays(3), 3, 6),
				new CheckInPoint(START.plusDays(5), 4, 2));

		Svg chart = MoodChart.render(points, labels("mc"));

		assertThat(chart.title()).isEqualTo("Mood and urge to make contact at recent check-ins");
		assertThat(chart.description()).isEqualTo("Check-ins shown: 3, from 1 Sep 2026 to 6 Sep 2026. "
				+ "Average mood 3.0 of 5, average urge 5.7 of 10. Latest check-in: mood 4 of 5, urge 2 of 10.");
		assertThat(MoodChart.render(points, labels("mc", Locale.GERMAN, Map.of())).description()).contains("5,7");
	}

	@Test
	void escapesHostileMessageTexts() {
		Labels labels = labels("mc", Locale.ENGLISH, Map.of("chart.mood.point", "<script>{0}</script>",
				"chart.mood.legendUrge", "</text><script>x</script>", "chart.mood.empty", "<b>&</b>"));

		String markup = MoodChart.render(days(3), labels).markup();
		String empty = MoodChart.render(List.of(), labels).markup();

		assertThat(markup).doesNotContain("<script").contains("&lt;script&gt;1 Sep&lt;/script&gt;")
				.contains("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;");
		assertThat(elements(parse(markup), "script")).isEmpty();
		assertThat(empty).contains("&lt;b&gt;&amp;&lt;/b&gt;");
		assertThat(texts(parse(empty))).containsExactly("<b>&</b>");
	}

	@Test
	void sharesAPageWithTheHeatmapWithoutIdClashes() {
		String heatmap = Heatmap.render(START, Map.of(), labels("plan-3-hm")).markup();
		String mood = MoodChart.render(days(5), labels("plan-3-mc")).markup();
		String empty = MoodChart.render(List.of(), labels("plan-4-mc")).markup();

		assertThat(ids(parse("<div>" + heatmap + mood + empty + "</div>"))).hasSize(6).doesNotHaveDuplicates()
				.contains("plan-3-mc-title", "plan-3-mc-desc", "plan-4-mc-title");
	}

	@Test
	void staysCompactWithSixtyCheckIns() {
		String markup = MoodChart.render(days(60), labels("plan-12345-mood")).markup();

		assertThat(ChartTesting.utf8Length(markup)).isLessThan(16 * 1024);
		assertThat(markup).doesNotContainPattern("\\d\\.\\d\\d").doesNotContain(".0\"");
	}

	@Test
	void tableHasOneRowPerCheckInShownOldestFirst() {
		List<CheckInPoint> points = new ArrayList<>(days(62));
		Collections.reverse(points);

		List<TableRow> rows = MoodChart.table(points, labels("mc"));

		assertThat(rows).hasSize(60).extracting(TableRow::day).isSorted();
		CheckInPoint first = MoodChart.lastPoints(points).get(0);
		assertThat(rows.get(0)).isEqualTo(new TableRow(START.plusDays(2), "Thu 3 Sep 2026",
				List.of(String.valueOf(first.mood()), String.valueOf(first.urge()))));
	}

	@Test
	void asksOnlyForKeysThatHaveProposedTexts() {
		Set<String> asked = new TreeSet<>();

		MoodChart.render(days(4), ChartTesting.recording("mc", asked));
		MoodChart.render(List.of(), ChartTesting.recording("mc", asked));
		MoodChart.table(days(4), ChartTesting.recording("mc", asked));

		assertThat(asked).allMatch(key -> key.startsWith("chart.")).isSubsetOf(ChartTesting.english().keySet());
		Set<String> all = new TreeSet<>(asked);
		Heatmap.render(START, Map.of(), ChartTesting.recording("hm", all));
		all.addAll(ChartTesting.TEMPLATE_KEYS);
		assertThat(all).as("every proposed text is used by a chart or the page").containsAll(ChartTesting.english().keySet()
				.stream().filter(k -> !k.startsWith("chart.state.") && !k.startsWith("chart.legend.")).toList());
	}

	@Test
	void refusesValuesOffTheirScales() {
		assertThatThrownBy(() -> new CheckInPoint(START, 0, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CheckInPoint(START, 6, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CheckInPoint(START, 3, -1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CheckInPoint(START, 3, 11)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CheckInPoint(null, 3, 3)).isInstanceOf(NullPointerException.class);
		assertThat(new CheckInPoint(START, 1, 0)).isNotNull();
		assertThat(new CheckInPoint(START, 5, 10)).isNotNull();
	}

	/** One check-in a day from {@link #START}, with values that wander across both scales. */
	private static List<CheckInPoint> days(int count) {
		List<CheckInPoint> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			points.add(new CheckInPoint(START.plusDays(i), 1 + i % 5, (i * 3) % 11));
		}
		return points;
	}

	private static List<Element> pointGroups(Document svg) {
		return elements(svg, "g").stream().filter(g -> titleOf(g) != null).toList();
	}

	private static Element firstCircle(Element group) {
		return elements(group, "circle").get(0);
	}

	private static double cy(Element group, String cssClass) {
		return elements(group, "circle").stream().filter(c -> c.getAttribute("class").equals(cssClass))
				.mapToDouble(c -> Double.parseDouble(c.getAttribute("cy"))).findFirst().orElseThrow();
	}
}
