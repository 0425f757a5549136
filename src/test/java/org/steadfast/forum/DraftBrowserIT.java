package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

@ServerTest
class DraftBrowserIT {

	static final String PASSWORD = "walking away with dignity";

	@LocalServerPort
	int port;

	@Test
	void aReplyTypedAfterTheSessionWasDeletedSurvivesSigningInAgain() {
		long n = System.nanoTime() % 100000;
		String name = "keeper" + n;
		String title = "Nothing typed is lost " + n;
		String reply = "I almost answered tonight, but I wrote here instead " + n;
		try (Browser browser = Browser.open(port)) {
			browser.go("/register").type("username", name).type("email", name + "@example.org").type("password", PASSWORD)
					.select("timeZone", "Europe/Paris").press("Join");
			browser.type("login", name).type("password", PASSWORD).press("Sign in");
			browser.go("/t/new").select("categoryId", "3").type("title", title)
					.type("body", "A place to write instead of texting back.").press("Post topic");
			assertThat(browser.text()).contains(title);
			String topicPath = browser.path();
			// No session id ever rides in a URL (it would also break the stylesheet's address).
			assertThat(browser.driver().getPageSource()).doesNotContain("jsessionid");

			// While typing, the script keeps a draft a few seconds after the typing stops.
			browser.type("body", reply);
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-draft-status]"),
					"Draft saved"));

			// The session ends (expired, or the server restarted) while the member is still writing.
			browser.driver().manage().deleteCookieNamed("JSESSIONID");
			browser.type("body", reply + " Still here.").press("Post reply");
			assertThat(browser.path()).startsWith("/login");
			assertThat(browser.text()).contains("Your session had ended. Sign in again");

			browser.type("login", name).type("password", PASSWORD).press("Sign in");
			assertThat(browser.path()).startsWith(topicPath.replaceAll("#.*", ""));
			assertThat(browser.text()).contains("Your session had ended, so we kept what you wrote. It's below, ready to post.");
			assertThat(browser.value("body")).isEqualTo(reply + " Still here.");

			browser.press("Post reply");
			assertThat(browser.text()).contains(reply + " Still here.").doesNotContain("Your session had ended");
			browser.go(topicPath.replaceAll("#.*", ""));
			assertThat(browser.value("body")).isEmpty();
			assertThat(browser.text()).doesNotContain("This is the draft you saved");
		}
	}
}
