package org.steadfast.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

@ServerTest
class NotificationBrowserIT {

	static final String PASSWORD = "someone answered me today";

	@LocalServerPort
	int port;

	void join(Browser browser, String name) {
		browser.go("/register").type("username", name).type("email", name + "@example.org").type("password", PASSWORD)
				.select("timeZone", "Europe/Dublin").press("Join");
		// Joining asks to check the inbox and sign in.
		browser.type("login", name).type("password", PASSWORD).press("Sign in");
		assertThat(browser.text()).contains("Sign out");
	}

	@Test
	void aReplyShowsOnTheAuthorsBellAndOpensFromTheNotificationsPage() throws Exception {
		long n = System.nanoTime() % 100000;
		String author = "lonely" + n;
		String helper = "kind" + n;
		String title = "First weekend without them " + n;
		try (Browser browser = Browser.open(port)) {
			join(browser, author);
			browser.go("/t/new").select("categoryId", "1").type("title", title)
					.type("body", "The weekend is the hardest part.").press("Post topic");
			String topicPath = browser.path();
			assertThat(browser.driver().findElements(By.cssSelector(".bell__count"))).isEmpty();
			browser.press("Sign out");

			join(browser, helper);
			browser.go(topicPath).type("body", "Plan something small for Saturday morning. You can do this.")
					.press("Post reply");
			browser.press("Sign out");

			browser.go("/login").type("login", author).type("password", PASSWORD).press("Sign in");
			for (int i = 0; i < 50 && browser.driver().findElements(By.cssSelector(".bell__count")).isEmpty(); i++) {
				Thread.sleep(200);
				browser.go("/latest");
			}
			assertThat(browser.driver().findElement(By.cssSelector(".bell__count")).getText()).isEqualTo("1");
			assertThat(browser.driver().findElement(By.cssSelector("a.bell")).getDomAttribute("aria-label"))
					.isEqualTo("Notifications: 1 unread");

			browser.clickCss("a.bell");
			assertThat(browser.path()).isEqualTo("/notifications");
			browser.press(helper + " replied in \u201c" + title + "\u201d");
			assertThat(browser.path()).contains("#post-2");
			assertThat(browser.text()).contains("Plan something small for Saturday morning");
			assertThat(browser.driver().findElements(By.cssSelector(".bell__count"))).isEmpty();
		}
	}
}
