package org.steadfast.plans.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.steadfast.plans.PlanViews.CheckInRow;
import org.steadfast.plans.PlanViews.PlanPage;
import org.steadfast.plans.charts.CheckInPoint;
import org.steadfast.plans.charts.DayState;
import org.steadfast.plans.charts.Heatmap;
import org.steadfast.plans.charts.Labels;
import org.steadfast.plans.charts.MoodChart;
import org.steadfast.plans.charts.Svg;
import org.steadfast.plans.charts.TableRow;

/** The plan page's pictures, drawn from the rows the page already loaded: no query per day. */
@Component
class PlanPictures {

	private static final int WEEKS = 26;

	private final MessageSource messages;

	PlanPictures(MessageSource messages) {
		this.messages = messages;
	}

	record Pictures(Svg heatmap, List<TableRow> heatmapTable, Svg mood, List<TableRow> moodTable) {
	}

	Pictures of(PlanPage plan) {
		var locale = LocaleContextHolder.getLocale();
		LocalDate today = plan.today();
		Map<LocalDate, CheckInRow> checkIns = new HashMap<>();
		plan.checkIns().forEach(c -> checkIns.put(c.day(), c));
		Map<LocalDate, DayState> days = new HashMap<>();
		for (LocalDate day = today.minusWeeks(WEEKS).minusDays(7); !day.isAfter(today); day = day.plusDays(1)) {
			days.put(day, state(plan, day, checkIns));
		}
		var heatmapLabels = new Labels("heatmap-" + plan.topicId(), locale, key -> messages.getMessage(key, null, key, locale));
		var points = plan.checkIns().stream().map(c -> new CheckInPoint(c.day(), c.mood(), c.urge())).toList();
		var moodLabels = new Labels("mood-" + plan.topicId(), locale, key -> messages.getMessage(key, null, key, locale));
		return new Pictures(Heatmap.render(today, days, heatmapLabels), Heatmap.table(today, days, heatmapLabels),
				MoodChart.render(points, moodLabels), MoodChart.table(points, moodLabels));
	}

	private static DayState state(PlanPage plan, LocalDate day, Map<LocalDate, CheckInRow> checkIns) {
		if (day.isBefore(plan.startDate())) {
			return DayState.BEFORE_PLAN;
		}
		if (day.isAfter(plan.today())) {
			return DayState.FUTURE;
		}
		if (plan.streaks().isSlip(day)) {
			return DayState.SLIP;
		}
		if (!plan.active() && checkIns.get(day) == null) {
			return DayState.NONE;
		}
		return checkIns.containsKey(day) ? DayState.CHECKED_IN : DayState.NO_CONTACT;
	}
}
