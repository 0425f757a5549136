package org.steadfast.plans.charts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of the data table shown beside a chart for screen readers: {@code date} is the row
 * header, {@code cells} the remaining columns in order. The texts are plain (not escaped), so a
 * template writes them with {@code th:text}.
 */
public record TableRow(LocalDate day, String date, List<String> cells) {

	public TableRow {
		Objects.requireNonNull(day, "day");
		Objects.requireNonNull(date, "date");
		cells = List.copyOf(cells);
	}
}
