package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.steadfast.support.Accessibility;
import org.steadfast.support.Browser;
import org.steadfast.support.Members;
import org.steadfast.support.ServerTest;

/**
 * Every main page, as a guest, a member and a moderator, through axe-core (WCAG 2.2 A and AA) in
 * the light and the dark scheme, on a phone (390 px) and a desktop (1280 px); and at 360 px no page
 * is wider than the screen or scrolls on into emptiness. The demo community gives the pages
 * something real to show.
 */
@ServerTest
@TestPropertySource(properties = { "steadfast.demo-data=true",
		"spring.datasource.url=jdbc:h2:mem:steadfast-a11y;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
class AccessibilityBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Members members;

	private final List<String> problems = new ArrayList<>();

	@Test
	void everyMainPagePassesAxeInBothSchemesAtBothWidthsAndFitsA360PixelScreen() {
		long topic = jdbc.queryForObject("select min(id) from topic where kind <> 'PLAN'", Long.class);
		String tag = jdbc.queryForObject("select min(name) from tag where topic_count > 0", String.class);
		try (Browser browser = Browser.open(port)) {
			var axe = new Accessibility(browser);
			for (String path : List.of("/", "/latest", "/unanswered", "/c/they-reached-out", "/tags", "/tags/" + tag,
					"/t/" + topic, "/search?q=friends", "/help", "/login", "/register", "/password/forgot",
					"/u/quiet_harbor", "/checkins")) {
				scan(browser, axe, "guest", path);
			}
			browser.go("/no-such-page");
			assertThat(browser.driver().getTitle()).contains("Page not found");
			scanHere(browser, axe, "guest", "/no-such-page");

			String me = members.create("a11y").username();
			signIn(browser, me);
			browser.go("/plans/new");
			assertThat(browser.driver().getTitle()).doesNotContain("Page not found");
			scanHere(browser, axe, "member", "/plans/new");
			browser.type("title", "Walking away with dignity").type("statement", "Romance or nothing. Not friends.");
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('startDate').value = arguments[0]",
					LocalDate.now(ZoneOffset.UTC).minusDays(300).toString());
			browser.type("instead", "Text my best friend").press("Start my plan");
			String plan = browser.path().replaceAll("[?#].*", "");
			browser.driver().findElement(By.cssSelector("input[name=kept][value=yes]")).click();
			browser.driver().findElement(By.cssSelector("input[name=mood][value='4']")).click();
			browser.type("urge", "3").type("note", "Went for a run instead.").press("Check in");
			for (String path : List.of(plan, plan + "/edit", plan + "/slip", plan + "/contact", "/", "/latest",
					"/t/" + topic, "/t/new", "/checkins", "/search?q=friends", "/notifications", "/settings",
					"/settings/notifications", "/settings/data", "/settings/ex-names", "/partners", "/u/" + me)) {
				scan(browser, axe, "member", path);
			}
			browser.go("/").press("Sign out");

			signIn(browser, members.moderator("a11ymod").username());
			for (String path : List.of("/mod", "/mod/members", "/mod/members/" + me, "/t/" + topic)) {
				scan(browser, axe, "moderator", path);
			}
		}
		assertThat(problems).as("accessibility and layout problems").isEmpty();
	}

	private void signIn(Browser browser, String username) {
		browser.go("/login").type("login", username).type("password", Members.PASSWORD).press("Sign in");
		assertThat(browser.text()).contains("Sign out");
	}

	private void scan(Browser browser, Accessibility axe, String who, String path) {
		browser.go(path);
		String title = browser.driver().getTitle();
		assertThat(title).as(who + " " + path).doesNotContain("Page not found", "can't do that", "Something went wrong");
		if (!path.equals("/login")) {
			assertThat(browser.path()).as(who + " " + path + " is not sent to sign in").doesNotStartWith("/login");
		}
		scanHere(browser, axe, who, path);
	}

	private void scanHere(Browser browser, Accessibility axe, String who, String path) {
		for (int width : new int[] { 390, 1280 }) {
			for (boolean dark : new boolean[] { false, true }) {
				axe.viewport(width, dark);
				for (String v : axe.violations()) {
					problems.add(who + " " + path + " at " + width + " px, " + (dark ? "dark" : "light") + ": " + v);
				}
			}
		}
		axe.viewport(360, false);
		long over = axe.overflowX();
		if (over > 0) {
			problems.add(who + " " + path + " at 360 px is " + over + " px wider than the screen");
		}
		long tail = axe.emptyTail();
		if (tail > 120) {
			problems.add(who + " " + path + " at 360 px scrolls " + tail + " px past its last visible content");
		}
		axe.viewport(390, false);
	}
}
