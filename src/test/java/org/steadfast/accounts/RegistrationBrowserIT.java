package org.steadfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

@ServerTest
class RegistrationBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void aNewMemberJoinsSignsOutAndSignsInAgain() {
		String name = "browser" + System.nanoTime() % 100000;
		try (Browser browser = Browser.open(port)) {
			browser.go("/register");
			// The small script pre-selects the browser's time zone (headless Chromium here runs in UTC or the host's zone).
			assertThat(browser.value("timeZone")).isNotEmpty();
			browser.type("username", name).type("email", name + "@example.org").type("password", "short")
					.select("timeZone", "Europe/Berlin").press("Join");
			assertThat(browser.text()).contains("Use at least 12 characters.");
			assertThat(browser.value("username")).isEqualTo(name);
			assertThat(browser.value("password")).isEmpty();

			browser.type("password", "walking away with dignity").press("Join");
			assertThat(browser.path()).isEqualTo("/login");
			assertThat(browser.text()).contains("Please check your inbox").doesNotContain("Sign out");
			browser.type("login", name).type("password", "walking away with dignity").press("Sign in");
			assertThat(browser.text()).contains(name, "Sign out");

			browser.press("Sign out");
			assertThat(browser.text()).contains("Sign in", "Join").doesNotContain(name);

			browser.go("/login").type("login", name).type("password", "walking away with dignity").press("Sign in");
			assertThat(browser.text()).contains(name, "Sign out");
			browser.click("Settings");
			assertThat(browser.value("timeZone")).isEqualTo("Europe/Berlin");
		}
	}
}
