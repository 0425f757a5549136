package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** "Leave quickly" keeps WCAG AA text contrast (4.5:1) in the light and the dark scheme. */
class QuickExitContrastTest {

	static final Pattern COLOR = Pattern.compile("--exit-(bg|text):\\s*#([0-9a-fA-F]{6});");

	@Test
	void leaveQuicklyHasAtLeastAaContrastInLightAndDarkMode() throws IOException {
		String css = Files.readString(Path.of("static/css/steadfast.css"));
		int dark = css.indexOf("@media (prefers-color-scheme: dark)");
		assertThat(dark).isPositive();
		assertThat(contrast(css.substring(0, dark))).as("light").isGreaterThanOrEqualTo(4.5);
		assertThat(contrast(css.substring(dark, css.indexOf('}', css.indexOf("--exit-text", dark)))))
				.as("dark").isGreaterThanOrEqualTo(4.5);
	}

	static double contrast(String block) {
		String bg = null;
		String text = null;
		Matcher m = COLOR.matcher(block);
		while (m.find()) {
			if (m.group(1).equals("bg")) {
				bg = m.group(2);
			}
			else {
				text = m.group(2);
			}
		}
		assertThat(bg).isNotNull();
		assertThat(text).isNotNull();
		double a = luminance(bg);
		double b = luminance(text);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	static double luminance(String hex) {
		double[] c = new double[3];
		for (int i = 0; i < 3; i++) {
			double v = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) / 255.0;
			c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	}
}
