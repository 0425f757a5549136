package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

@ServerTest
class ForumBrowserIT {

	static final String PASSWORD = "walking away with dignity";

	@LocalServerPort
	int port;

	void join(Browser browser, String name) {
		browser.go("/register").type("username", name).type("email", name + "@example.org").type("password", PASSWORD)
				.select("timeZone", "Europe/Paris").press("Join");
		// Joining asks to check the inbox and sign in.
		browser.type("login", name).type("password", PASSWORD).press("Sign in");
		assertThat(browser.text()).contains("Sign out");
	}

	@Test
	void aMemberStartsATaggedTopicAnotherRepliesAndReactsAndItShowsOnItsTagPage() {
		long n = System.nanoTime() % 100000;
		String asker = "asker" + n;
		String helper = "helper" + n;
		String title = "Should I answer the birthday text " + n;
		try (Browser browser = Browser.open(port)) {
			join(browser, asker);
			browser.go("/t/new").select("categoryId", "3").type("title", title)
					.type("body", "They texted *happy birthday*. Do I answer?").type("tags", "Birthday, They Reached Out")
					.press("Preview");
			assertThat(browser.driver().findElement(By.cssSelector(".preview em")).getText()).isEqualTo("happy birthday");
			assertThat(browser.value("title")).isEqualTo(title);
			browser.press("Post topic");
			assertThat(browser.text()).contains(title, "birthday", "they-reached-out");
			String topicPath = browser.path();
			browser.press("Sign out");

			join(browser, helper);
			browser.go(topicPath).type("body", "Don't answer. Silence **is** the answer.").press("Post reply");
			assertThat(browser.path()).contains("#post-2");
			assertThat(browser.text()).contains("Silence is the answer");
			browser.clickCss("#post-1 button[title='Hug']");
			assertThat(browser.driver().findElement(By.cssSelector("#post-1 button[title='Hug']"))
					.getDomAttribute("aria-pressed")).isEqualTo("true");
			assertThat(browser.driver().findElement(By.cssSelector("#post-1 button[title='Hug']")).getText()).contains("1");

			browser.go("/tags/birthday");
			assertThat(browser.text()).contains(title);
			browser.click(title);
			assertThat(browser.text()).contains("Silence is the answer");
		}
	}
}
