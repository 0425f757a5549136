package org.steadfast.plans.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.steadfast.plans.charts.ChartTesting.elements;
import static org.steadfast.plans.charts.ChartTesting.ids;
import static org.steadfast.plans.charts.ChartTesting.labels;
import static org.steadfast.plans.charts.ChartTesting.parse;
import static org.steadfast.plans.charts.ChartTesting.texts;
import static org.steadfast.plans.charts.ChartTesting.titleOf;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HeatmapTest {

	/** A Tuesday, so today's week has five days still to come. */
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
	private static final LocalDate FIRST = LocalDate.of(2026, 5, 11);

	@Test
	void startsOnTheMondayTwentyFiveWeeksBeforeTodaysWeek() {
		assertThat(TODAY.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(Heatmap.firstDay(TODAY)).isEqualTo(FIRST);
		assertThat(Heatmap.firstDay(LocalDate.of(2026, 11, 2))).isEqualTo(FIRST);
		assertThat(Heatmap.firstDay(LocalDate.of(2026, 11, 8))).isEqualTo(FIRST);
		assertThat(Heatmap.firstDay(LocalDate.of(2026, 11, 9))).isEqualTo(FIRST.plusWeeks(1));
	}

	@Test
	void drawsOneTitledSquarePerDayOfTwentySixWeeksWithTheRestOfThisWeekAsFuture() {
		Document svg = render(Map.of());

		List<Element> squares = squares(svg);
		assertThat(squares).hasSize(182);
		assertThat(squares).filteredOn(r -> r.getAttribute("class").equals("hm-future")).hasSize(5);
		assertThat(squares).filteredOn(r -> r.getAttribute("class").equals("hm-none")).hasSize(177);
		assertThat(titleOf(squares.get(0))).isEqualTo("Mon 11 May 2026: no data");
		assertThat(titleOf(squares.get(181))).isEqualTo("Sun 8 Nov 2026: not yet");
	}

	@Test
	void aWeekThatEndsTodayHasNoFutureDays() {
		Document svg = parse(Heatmap.render(LocalDate.of(2026, 11, 8), Map.of(), labels("hm")).markup());

		assertThat(squares(svg)).hasSize(182).noneMatch(r -> r.getAttribute("class").equals("hm-future"));
	}

	@Test
	void squaresGoDownTheWeekdaysAndAcrossTheWeeks() {
		Map<String, Element> squares = byDate(render(Map.of()));

		assertThat(position(squares.get("Mon 11 May 2026"))).containsExactly(30, 16);
		assertThat(position(squares.get("Sun 17 May 2026"))).containsExactly(30, 16 + 6 * 12);
		assertThat(position(squares.get("Mon 18 May 2026"))).containsExactly(42, 16);
	}

	@Test
	void eachStateHasItsClassAndItsOwnShape() {
		Map<LocalDate, DayState> days = new HashMap<>();
		days.put(LocalDate.of(2026, 10, 26), DayState.BEFORE_PLAN);
		days.put(LocalDate.of(2026, 10, 27), DayState.NO_CONTACT);
		days.put(LocalDate.of(2026, 10, 28), DayState.CHECKED_IN);
		days.put(LocalDate.of(2026, 10, 29), DayState.SLIP);
		days.put(LocalDate.of(2026, 10, 30), DayState.NONE);
		days.put(LocalDate.of(2026, 11, 5), DayState.NO_CONTACT);
		Document svg = render(days);
		Map<String, Element> squares = byDate(svg);

		Element before = squares.get("Mon 26 Oct 2026");
		Element noContact = squares.get("Tue 27 Oct 2026");
		Element checkedIn = squares.get("Wed 28 Oct 2026");
		Element slip = squares.get("Thu 29 Oct 2026");
		Element none = squares.get("Fri 30 Oct 2026");
		Element missing = squares.get("Sat 31 Oct 2026");
		Element future = squares.get("Thu 5 Nov 2026");

		assertThat(before.getAttribute("class")).isEqualTo("hm-before");
		assertThat(noContact.getAttribute("class")).isEqualTo("hm-no-contact");
		assertThat(checkedIn.getAttribute("class")).isEqualTo("hm-checked-in");
		assertThat(slip.getAttribute("class")).isEqualTo("hm-slip");
		assertThat(none.getAttribute("class")).isEqualTo("hm-none");
		assertThat(missing.getAttribute("class")).isEqualTo("hm-none");
		assertThat(future.getAttribute("class")).as("a future day is future whatever the data says").isEqualTo("hm-future");

		assertThat(size(noContact)).containsExactly(10, 10);
		assertThat(size(future)).containsExactly(10, 10);
		assertThat(size(none)).containsExactly(6, 6);
		assertThat(size(before)).containsExactly(10, 2);
		assertThat(marks(svg, "hm-dot")).as("a dot in the middle of the check-in's square (and of its legend swatch)")
				.startsWith("M323 45h0M");
		assertThat(marks(svg, "hm-x")).as("bottom-left to top-right of the slip's square").startsWith("M319 61l8-8M");
		assertThat(marks(svg, "hm-dot").split("M")).as("one check-in day and one legend swatch").hasSize(3);
		assertThat(marks(svg, "hm-x").split("M")).hasSize(3);
	}

	@Test
	void titlesNameTheDayAndItsState() {
		Map<LocalDate, DayState> days = Map.of(LocalDate.of(2026, 11, 2), DayState.SLIP, TODAY, DayState.CHECKED_IN,
				LocalDate.of(2026, 6, 1), DayState.BEFORE_PLAN);
		Map<String, Element> squares = byDate(render(days));

		assertThat(titleOf(squares.get("Mon 2 Nov 2026"))).isEqualTo("Mon 2 Nov 2026: slip");
		assertThat(titleOf(squares.get("Tue 3 Nov 2026"))).isEqualTo("Tue 3 Nov 2026, today: no contact, checked in");
		assertThat(titleOf(squares.get("Mon 1 Jun 2026"))).isEqualTo("Mon 1 Jun 2026: before the plan");
		assertThat(titleOf(squares.get("Wed 4 Nov 2026"))).isEqualTo("Wed 4 Nov 2026: not yet");
	}

	@Test
	void todayIsInTheLastColumnOnItsWeekdayRowAndRinged() {
		Document svg = render(Map.of(TODAY, DayState.NO_CONTACT));
		Element today = byDate(svg).get("Tue 3 Nov 2026");

		int x = 30 + 25 * 12;
		int y = 16 + 12;
		assertThat(position(today)).containsExactly(x, y);
		List<Element> rings = elements(svg, "rect").stream().filter(r -> r.getAttribute("class").equals("hm-today")).toList();
		assertThat(rings).as("one around today, one in the legend").hasSize(2);
		assertThat(position(rings.get(0))).containsExactly(x - 1, y - 1);
		assertThat(size(rings.get(0))).containsExactly(12, 12);
		assertThat(rings.get(0).getAttribute("fill")).isEqualTo("none");
	}

	@Test
	void labelsEachMonthAboveTheFirstWeekThatStartsInIt() {
		Document svg = render(Map.of());

		assertThat(Heatmap.monthLabels(FIRST)).extracting(Heatmap.MonthLabel::column).containsExactly(0, 3, 8, 12, 17, 21, 25);
		List<Element> texts = elements(svg, "text");
		assertThat(texts.subList(0, 7)).extracting(Element::getTextContent)
				.containsExactly("May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov");
		assertThat(texts.get(1).getAttribute("x")).isEqualTo(String.valueOf(30 + 3 * 12));
		assertThat(texts.get(5).getAttribute("x")).isEqualTo(String.valueOf(30 + 21 * 12));
		assertThat(texts.get(6).getAttribute("x")).as("the last column's label ends at the right edge").isEqualTo("340");
		assertThat(((Element) texts.get(6).getParentNode()).getAttribute("text-anchor")).isEqualTo("end");
	}

	@Test
	void dropsTheFirstMonthLabelWhenTheNextOneWouldRunIntoIt() {
		LocalDate first = LocalDate.of(2026, 4, 20);

		assertThat(Heatmap.monthLabels(first)).extracting(Heatmap.MonthLabel::column).startsWith(2);
		assertThat(Heatmap.monthLabels(first).get(0).month()).isEqualTo(Month.MAY);
		assertThat(Heatmap.monthLabels(LocalDate.of(2026, 4, 13)).get(0).column()).isZero();
	}

	@Test
	void weekdayAndMonthNamesFollowTheLocale() {
		Document english = render(Map.of());
		Document german = parse(Heatmap.render(TODAY, Map.of(), labels("hm", Locale.GERMAN, Map.of())).markup());

		assertThat(texts(english)).contains("Mon", "Wed", "Fri").doesNotContain("Tue", "Thu", "Sat", "Sun");
		assertThat(texts(german)).contains("Mo", "Mi", "Fr", "Mai", "Okt");
	}

	@Test
	void hasALegendWithEveryStateAndToday() {
		List<String> texts = texts(render(Map.of()));

		assertThat(texts).contains("No contact", "Checked in", "Slip", "No data", "Before plan", "Future", "Today");
	}

	@Test
	void isAnAccessibleImageNamedByItsTitleAndDescription() {
		Svg chart = Heatmap.render(TODAY, Map.of(), labels("plan-7-hm"));
		Element root = parse(chart.markup()).getDocumentElement();

		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("aria-labelledby")).isEqualTo("plan-7-hm-title plan-7-hm-desc");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 342 " + Heatmap.HEIGHT);
		assertThat(root.getAttribute("width")).isEqualTo("100%");
		assertThat(root.hasAttribute("height")).isFalse();
		Element title = (Element) root.getFirstChild();
		Element desc = (Element) title.getNextSibling();
		assertThat(title.getLocalName()).isEqualTo("title");
		assertThat(title.getAttribute("id")).isEqualTo("plan-7-hm-title");
		assertThat(title.getTextContent()).isEqualTo(chart.title()).isEqualTo("No-contact calendar, last 26 weeks");
		assertThat(desc.getLocalName()).isEqualTo("desc");
		assertThat(desc.getAttribute("id")).isEqualTo("plan-7-hm-desc");
		assertThat(desc.getTextContent()).isEqualTo(chart.description());
	}

	@Test
	void describesThePeriodWithItsCounts() {
		Map<LocalDate, DayState> days = new HashMap<>();
		for (LocalDate day = LocalDate.of(2026, 9, 1); !day.isAfter(TODAY); day = day.plusDays(1)) {
			days.put(day, day.getDayOfMonth() % 2 == 0 ? DayState.CHECKED_IN : DayState.NO_CONTACT);
		}
		days.put(LocalDate.of(2026, 10, 1), DayState.SLIP);
		days.put(LocalDate.of(2026, 10, 2), DayState.SLIP);
		days.put(LocalDate.of(2026, 4, 1), DayState.SLIP);
		days.put(LocalDate.of(2026, 12, 1), DayState.SLIP);
		long checkedIn = days.values().stream().filter(s -> s == DayState.CHECKED_IN).count();
		long noContact = days.values().stream().filter(s -> s == DayState.NO_CONTACT).count() + checkedIn;

		Svg chart = Heatmap.render(TODAY, days, labels("hm"));

		assertThat(chart.description()).isEqualTo("11 May 2026 to 3 Nov 2026. Days without contact: " + noContact
				+ ". Days with a check-in: " + checkedIn + ". Slips: 2.");
	}

	@Test
	void escapesHostileMessageTexts() {
		String hostile = "<script>alert(''x'')</script> & \"friends\"";
		Labels labels = labels("hm", Locale.ENGLISH,
				Map.of("chart.heatmap.title", hostile, "chart.state.none", hostile, "chart.legend.slip", hostile));

		Svg chart = Heatmap.render(TODAY, Map.of(), labels);

		assertThat(chart.markup()).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;");
		assertThat(chart.title()).isEqualTo("<script>alert('x')</script> & \"friends\"");
		Document svg = parse(chart.markup());
		assertThat(elements(svg, "script")).isEmpty();
		assertThat(titleOf(squares(svg).get(0))).isEqualTo("Mon 11 May 2026: <script>alert('x')</script> & \"friends\"");
	}

	@Test
	void twoChartsOnOnePageHaveNoIdInCommon() {
		Svg first = Heatmap.render(TODAY, Map.of(), labels("plan-1"));
		Svg second = Heatmap.render(TODAY, Map.of(), labels("plan-2"));
		Document page = parse("<div>" + first.markup() + second.markup() + "</div>");

		List<String> ids = ids(page);
		assertThat(ids).hasSize(4).doesNotHaveDuplicates();
		Set<String> referenced = new TreeSet<>();
		for (Element svg : elements(page, "svg")) {
			referenced.addAll(List.of(svg.getAttribute("aria-labelledby").split(" ")));
		}
		assertThat(referenced).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void staysWellUnderItsSizeBudget() {
		Map<LocalDate, DayState> days = new HashMap<>();
		for (LocalDate day = FIRST; !day.isAfter(TODAY); day = day.plusDays(1)) {
			days.put(day, DayState.CHECKED_IN);
		}

		Svg chart = Heatmap.render(TODAY, days, labels("plan-12345-heatmap"));

		assertThat(ChartTesting.utf8Length(chart.markup())).isLessThan(28 * 1024);
	}

	@Test
	void coordinatesAreWholeNumbersOrOneDecimal() {
		String markup = Heatmap.render(TODAY, Map.of(TODAY, DayState.SLIP), labels("hm")).markup();

		assertThat(markup).doesNotContainPattern("\\d\\.\\d\\d").doesNotContain(".0\"");
	}

	@Test
	void treatsMissingDataAsNoData() {
		Document svg = parse(Heatmap.render(TODAY, null, labels("hm")).markup());

		assertThat(squares(svg)).extracting(r -> r.getAttribute("class")).containsOnly("hm-none", "hm-future");
	}

	@Test
	void tableHasOneRowPerDayUpToToday() {
		Map<LocalDate, DayState> days = Map.of(TODAY, DayState.CHECKED_IN, LocalDate.of(2026, 11, 2), DayState.SLIP,
				LocalDate.of(2026, 11, 4), DayState.NO_CONTACT);

		List<TableRow> rows = Heatmap.table(TODAY, days, labels("hm"));

		assertThat(rows).hasSize(177);
		assertThat(rows.get(0)).isEqualTo(new TableRow(FIRST, "Mon 11 May 2026", List.of("no data")));
		assertThat(rows.get(175)).isEqualTo(new TableRow(LocalDate.of(2026, 11, 2), "Mon 2 Nov 2026", List.of("slip")));
		assertThat(rows.get(176)).isEqualTo(new TableRow(TODAY, "Tue 3 Nov 2026", List.of("no contact, checked in")));
		assertThat(rows).extracting(TableRow::day).isSorted();
	}

	@Test
	void asksOnlyForKeysThatHaveProposedTexts() {
		Set<String> asked = new TreeSet<>();
		Map<LocalDate, DayState> days = new HashMap<>();
		DayState[] states = DayState.values();
		for (int i = 0; i < states.length; i++) {
			days.put(TODAY.minusDays(i), states[i]);
		}

		Heatmap.render(TODAY, days, ChartTesting.recording("hm", asked));
		Heatmap.table(TODAY, days, ChartTesting.recording("hm", asked));

		assertThat(asked).allMatch(key -> key.startsWith("chart.")).isSubsetOf(ChartTesting.english().keySet());
		assertThat(asked).contains("chart.state.noContact", "chart.state.checkedIn", "chart.state.slip", "chart.state.none",
				"chart.state.beforePlan", "chart.state.future");
	}

	@Test
	void refusesAnIdPrefixThatCouldBreakTheMarkup() {
		Function<String, String> messages = key -> key;
		for (String bad : new String[] { "", "1st", "a b", "a\"b", "x<y", "a:b" }) {
			assertThatThrownBy(() -> new Labels(bad, Locale.ENGLISH, messages)).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(new Labels("plan-12_hm", Locale.ENGLISH, messages).idPrefix()).isEqualTo("plan-12_hm");
	}

	private static Document render(Map<LocalDate, DayState> days) {
		return parse(Heatmap.render(TODAY, days, labels("hm")).markup());
	}

	private static List<Element> squares(Document svg) {
		return elements(svg, "rect").stream().filter(r -> titleOf(r) != null).toList();
	}

	/** Squares by the date their title starts with, which also proves every title names a distinct day. */
	private static Map<String, Element> byDate(Document svg) {
		return squares(svg).stream().collect(Collectors.toMap(r -> titleOf(r).split("[:,]")[0], Function.identity()));
	}

	/** The drawn cell's top-left corner, undoing the inset that small shapes get. */
	private static int[] position(Element rect) {
		int x = Integer.parseInt(rect.getAttribute("x"));
		int y = Integer.parseInt(rect.getAttribute("y"));
		return switch (rect.getAttribute("class")) {
			case "hm-none" -> new int[] { x - 2, y - 2 };
			case "hm-before" -> new int[] { x, y - 4 };
			default -> new int[] { x, y };
		};
	}

	private static int[] size(Element rect) {
		return new int[] { Integer.parseInt(rect.getAttribute("width")), Integer.parseInt(rect.getAttribute("height")) };
	}

	private static String marks(Document svg, String cssClass) {
		return elements(svg, "path").stream().filter(p -> p.getAttribute("class").equals(cssClass)).findFirst()
				.map(p -> p.getAttribute("d")).orElse("");
	}
}
