package org.steadfast.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Visibility;
import org.steadfast.plans.PlanDraft;
import org.steadfast.plans.PlanService;
import org.steadfast.support.Browser;
import org.steadfast.support.Members;
import org.steadfast.support.ServerTest;

/** Two members in two browsers: opt in, get proposed, accept, read each other's check-ins, SOS and its answer. */
@ServerTest
class PartnerBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Members members;

	@Autowired
	PlanService plans;

	@Autowired
	FormTokens formTokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private MemberPrincipal memberWithPlan(String prefix) {
		MemberPrincipal m = members.create(prefix);
		jdbc.update("update member set created_at = ? where id = ?",
				LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(30)), ZoneOffset.UTC), m.id());
		plans.create(m.id(), ZoneId.of("Europe/London"), new PlanDraft("Staying away, " + m.username(),
				"Romance or nothing. Not friends.", LocalDate.now(clock).minusDays(4), 30, "I want my evenings back",
				"Old songs", "Call my brother", Visibility.PARTNER, List.of()), formTokens.issue(m.id()));
		return m;
	}

	private static Browser signIn(int port, MemberPrincipal m) {
		Browser browser = Browser.open(port);
		browser.go("/login").type("login", m.username()).type("password", Members.PASSWORD).press("Sign in");
		return browser;
	}

	private static void optIn(Browser browser, String intro) {
		browser.go("/partners/profile");
		browser.driver().findElement(By.id("looking")).click();
		browser.driver().findElement(By.cssSelector("input[name=wishes][value=READ_CHECK_INS]")).click();
		browser.type("intro", intro).press("Save");
	}

	@Test
	void twoMembersOptInAcceptReadEachOthersCheckInsAndAnswerAnSos() {
		MemberPrincipal ana = memberWithPlan("ana");
		MemberPrincipal ben = memberWithPlan("ben");
		try (Browser a = signIn(port, ana); Browser b = signIn(port, ben)) {
			optIn(a, "Four days in, evenings are hard.");
			assertThat(a.text()).contains("Your partner settings are saved.", "You are looking for a partner");
			optIn(b, "Also on day five, I like reading check-ins.");
			// Only these two are looking, whatever other tests left in the shared database.
			jdbc.update("update partner_profile set looking = false where member_id not in (?, ?)", ana.id(), ben.id());

			b.press("Find me a partner");
			assertThat(b.text()).contains("We found someone for you", "Four days in, evenings are hard.", "Day 5");
			b.press("Accept");
			assertThat(b.text()).contains("You accepted");
			a.go("/partners");
			assertThat(a.text()).contains("Also on day five");
			a.press("Accept");
			assertThat(a.text()).contains("You are partners now");

			long plan = jdbc.queryForObject("select topic_id from plan where active_member_id = ?", Long.class, ana.id());
			a.go("/plans/" + plan);
			a.driver().findElement(By.cssSelector("input[name=kept][value=yes]")).click();
			a.driver().findElement(By.cssSelector("input[name=mood][value='4']")).click();
			a.type("urge", "6").type("note", "A hard evening, but I held on.").press("Check in");
			b.go("/partners");
			assertThat(b.text()).contains("Checked in today.", "A hard evening, but I held on.");
			b.click("Their plan");
			assertThat(b.text()).contains("Staying away, " + ana.username());

			a.go("/partners").clickCss("form.sos-form button");
			assertThat(a.text()).contains("Wait ten minutes with us", "Romance or nothing. Not friends.",
					"I want my evenings back", "Call my brother");
			b.go("/partners");
			assertThat(b.driver().findElements(By.cssSelector(".nav-dot"))).isNotEmpty();
			assertThat(b.text()).contains("needs you now");
			b.click("Be there for them");
			b.type("note", "I'm here. Put the phone down and breathe with me.");
			b.clickCss("form[action$='/answer'] button");
			assertThat(b.text()).contains("Thank you for being there.");
			a.driver().navigate().refresh();
			assertThat(a.text()).contains("is here for you", "Put the phone down and breathe with me.");
		}
	}
}
