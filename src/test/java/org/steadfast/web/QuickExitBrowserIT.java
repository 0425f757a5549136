package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steadfast.support.Browser;
import org.steadfast.support.ServerTest;

/**
 * "Leave quickly" in Chromium: the button and Esc twice replace the page with the neutral site, Back
 * then skips the Steadfast page that was left, and without script the button is a plain link.
 */
@ServerTest
class QuickExitBrowserIT {

	/** The neutral site, on another origin than the application. */
	static final HttpServer NEUTRAL = neutralSite();

	@LocalServerPort
	int port;

	static HttpServer neutralSite() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				byte[] body = ("<!DOCTYPE html><html><head><title>Weather</title></head><body><p>Weather at "
						+ exchange.getRequestURI().getPath() + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String neutral(String path) {
		return "http://127.0.0.1:" + NEUTRAL.getAddress().getPort() + path;
	}

	@DynamicPropertySource
	static void quickExit(DynamicPropertyRegistry registry) {
		registry.add("steadfast.quick-exit.url", () -> neutral("/forecast"));
	}

	@AfterAll
	static void stop() {
		NEUTRAL.stop(0);
	}

	void waitForUrl(Browser browser, String url) {
		browser.waitFor(d -> url.equals(d.getCurrentUrl()));
	}

	/**
	 * Goes Back from the neutral page and waits until the browser has left it. On a loaded machine
	 * Chromium sometimes drops a history.back() that arrives while the page is still settling; it
	 * is asked again only while the neutral page is still showing, so a Back that lands anywhere
	 * else (on Steadfast, say) is what the test then sees.
	 */
	void goBackFrom(Browser browser, String url) {
		var js = (JavascriptExecutor) browser.driver();
		long[] asked = { 0 };
		browser.waitFor(d -> {
			if (!url.equals(d.getCurrentUrl())) {
				return true;
			}
			if (System.nanoTime() - asked[0] > 2_000_000_000L) {
				js.executeScript("history.back()");
				asked[0] = System.nanoTime();
			}
			return false;
		});
	}

	@Test
	void leaveQuicklyReplacesThePageSoThatBackDoesNotReturnToSteadfast() {
		try (Browser browser = Browser.open(port)) {
			browser.driver().get(neutral("/before"));
			browser.go("/latest");
			assertThat(browser.text()).contains("Leave quickly");
			// A tap before the deferred script runs is a plain link (Back would return): wait for it.
			browser.waitFor(d -> d.findElement(By.cssSelector("html")).getDomAttribute("data-quick-exit-ready") != null);
			browser.driver().findElement(By.cssSelector("a.quick-exit")).click();
			waitForUrl(browser, neutral("/forecast"));
			assertThat(browser.text()).contains("Weather at /forecast");

			goBackFrom(browser, neutral("/forecast"));
			assertThat(browser.driver().getCurrentUrl()).doesNotContain(":" + port).isEqualTo(neutral("/before"));
		}
	}

	@Test
	void pressingEscTwiceLeavesToo() {
		try (Browser browser = Browser.open(port)) {
			browser.driver().get(neutral("/before"));
			browser.go("/help");
			new Actions(browser.driver()).sendKeys(Keys.ESCAPE).pause(100).sendKeys(Keys.ESCAPE).perform();
			waitForUrl(browser, neutral("/forecast"));
			goBackFrom(browser, neutral("/forecast"));
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(neutral("/before"));
		}
	}

	@Test
	void oneEscAloneStays() throws InterruptedException {
		try (Browser browser = Browser.open(port)) {
			browser.go("/help");
			new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
			Thread.sleep(300);
			assertThat(browser.path()).isEqualTo("/help");
		}
	}

	@Test
	void withoutScriptItIsAPlainLinkToTheNeutralSite() {
		try (Browser browser = Browser.withoutScript(port)) {
			browser.go("/latest");
			browser.click("Leave quickly");
			waitForUrl(browser, neutral("/forecast"));
			assertThat(browser.text()).contains("Weather at /forecast");
		}
	}

	@Test
	void theButtonIsTheFirstThingTheKeyboardReaches() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/latest");
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Leave quickly");
		}
	}

	@Test
	void onA360PixelScreenTheButtonIsInViewAtTheTopAndStaysThereWhileScrolling() {
		try (Browser browser = Browser.open(port)) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
			browser.go("/help");
			var link = browser.driver().findElement(By.cssSelector("a.quick-exit"));
			var box = link.getRect();
			assertThat(box.getX()).isGreaterThanOrEqualTo(0);
			assertThat(box.getX() + box.getWidth()).isLessThanOrEqualTo(360);
			assertThat(box.getY()).isLessThan(10);
			assertThat(box.getHeight()).isGreaterThanOrEqualTo(24);
			((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, document.body.scrollHeight)");
			Object scrolled = ((JavascriptExecutor) browser.driver()).executeScript("return window.scrollY");
			assertThat(((Number) scrolled).doubleValue()).as("the help page is longer than the screen").isPositive();
			Object top = ((JavascriptExecutor) browser.driver())
					.executeScript("return document.querySelector('a.quick-exit').getBoundingClientRect().top");
			assertThat(((Number) top).doubleValue()).isBetween(-1.0, 1.0);
		}
	}
}
