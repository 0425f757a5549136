package org.steadfast.plans.charts;

import java.util.Objects;

/**
 * A rendered chart. {@code markup} is a complete {@code <svg>} element in which every piece of text
 * is already XML-escaped, so a template emits it with {@code th:utext}; {@code title} and
 * {@code description} are the same texts as the SVG's own title and desc, unescaped, for use with
 * {@code th:text} (a caption, for instance).
 */
public record Svg(String markup, String title, String description) {

	public Svg {
		Objects.requireNonNull(markup, "markup");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(description, "description");
	}
}
