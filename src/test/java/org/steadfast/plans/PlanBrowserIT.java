package org.steadfast.plans;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;


@ServerTest
class PlanBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void registerWriteAPlanCheckInSeeTheHeatmapSlipAndSeeTheNewStreak() {
		String name = "journey" + System.nanoTime() % 100000;
		try (Browser browser = Browser.open(port)) {
			browser.go("/register").type("username", name).type("email", name + "@example.org")
					.type("password", "one day at a time, really").select("timeZone", "UTC").press("Join");
		// Joining asks to check the inbox and sign in.
		browser.type("login", name).type("password", "one day at a time, really").press("Sign in");
			browser.click("My plan");
			assertThat(browser.path()).isEqualTo("/plans/new");
			String start = LocalDate.now(ZoneOffset.UTC).minusDays(9).toString();
			browser.type("title", "Walking away with dignity").type("statement", "Romance or nothing. Not friends.");
			((JavascriptExecutor) browser.driver())
					.executeScript("document.getElementById('startDate').value = arguments[0]", start);
			browser.type("instead", "Text my best friend").press("Start my plan");
			assertThat(browser.text()).contains("Day 10", "10 of 30 days", "Today's check-in");

			browser.driver().findElement(By.cssSelector("input[name=kept][value=yes]")).click();
			browser.driver().findElement(By.cssSelector("input[name=mood][value='4']")).click();
			browser.type("urge", "3").type("note", "Went for a run instead.").press("Check in");
			assertThat(browser.text()).contains("Checked in. Well done", "Went for a run instead.");
			assertThat(browser.driver().findElements(By.cssSelector("svg.hm rect.hm-checked-in, svg.hm .hm-checked-in")))
					.isNotEmpty();
			assertThat(browser.driver().findElement(By.cssSelector("svg.hm")).getDomAttribute("role")).isEqualTo("img");

			browser.click("I broke no contact");
			browser.driver().findElement(By.cssSelector("input[name=kind][value=TEXTED]")).click();
			browser.driver().findElement(By.cssSelector("input[name=initiatedBy][value=ME]")).click();
			browser.press("Record it and start again");
			assertThat(browser.text()).contains("A fresh start begins tomorrow", "Longest streak: 9 days", "One fresh start.");
		}
	}
}
