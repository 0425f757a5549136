package org.steadfast.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

@ServerTest
class ModerationBrowserIT {

	@LocalServerPort
	int port;

	void join(Browser browser, String name) {
		browser.go("/register").type("username", name).type("email", name + "@example.org")
				.type("password", "gentle words matter here").select("timeZone", "UTC").press("Join");
		// Joining asks to check the inbox and sign in.
		browser.type("login", name).type("password", "gentle words matter here").press("Sign in");
	}

	@Test
	void crisisWordingShowsResourcesAFlagQueuesItAndTheAdminActsFirstOnIt() {
		long n = System.nanoTime() % 100000;
		String title = "Tonight is very hard " + n;
		try (Browser browser = Browser.open(port)) {
			join(browser, "hurting" + n);
			browser.go("/t/new").select("categoryId", "1").type("title", title)
					.type("body", "I keep thinking I want to end my life.").press("Post topic");
			assertThat(browser.text()).contains("Thank you for writing this down", "988", "Samaritans", title);
			String topicPath = browser.path();
			browser.press("Sign out");

			join(browser, "friend" + n);
			browser.go(topicPath);
			browser.clickCss("#post-1 a.flag-link");
			browser.driver().findElement(By.cssSelector("input[name=reason][value=CRISIS]")).click();
			browser.press("Send to moderators");
			assertThat(browser.text()).contains("Thank you for caring");
			browser.press("Sign out");

			browser.go("/login").type("login", "steward").type("password", "calm and steady hands").press("Sign in");
			browser.click("Moderation");
			assertThat(browser.text()).contains("Review queue", "Crisis");
			// Other tests share this database, so find this post's item; crisis items come before all others.
			var items = browser.driver().findElements(By.cssSelector("article.review-item"));
			int index = 0;
			while (!items.get(index).getText().contains(title)) {
				assertThat(items.get(index).getDomAttribute("class")).contains("review-item--crisis");
				index++;
			}
			var mine = items.get(index);
			assertThat(mine.getText()).contains("I keep thinking I want to end my life.", "Crisis");
			String reasonId = mine.findElement(By.cssSelector("input[name=reason]")).getDomAttribute("id");
			browser.type(reasonId, "Reached out privately; keeping it visible");
			browser.clickCss("#" + reasonId.replace("reason-", "approve-"));
			assertThat(browser.text()).contains("Done. It is recorded in the audit log.");
			browser.go("/admin/audit?action=post.approve");
			assertThat(browser.text()).contains("post.approve", "Reached out privately");
		}
	}
}
