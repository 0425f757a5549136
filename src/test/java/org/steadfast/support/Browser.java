package org.steadfast.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver (never a downloaded driver).
 * Without Chromium the test is skipped with a notice, except under CI=true, where it fails.
 */
public final class Browser implements AutoCloseable {

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private final WebDriver driver;
	private final String baseUrl;

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public static Browser open(int port) {
		return open(port, true);
	}

	/** A browser with script turned off, for what must work as plain HTML. */
	public static Browser withoutScript(int port) {
		return open(port, false);
	}

	private static Browser open(int port, boolean script) {
		boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
		if (!installed && !"true".equalsIgnoreCase(System.getenv("CI"))) {
			System.out.println("NOTICE: Chromium or chromedriver missing; skipping browser test (mandatory with CI=true).");
			Assumptions.abort("Chromium not installed");
		}
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
				"--disable-dev-shm-usage", "--window-size=390,844");
		if (!script) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
		return new Browser(driver, "http://localhost:" + port);
	}

	public Browser go(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public Browser type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser select(String id, String value) {
		new Select(driver.findElement(By.id(id))).selectByValue(value);
		return this;
	}

	public String value(String id) {
		return driver.findElement(By.id(id)).getDomProperty("value");
	}

	/** Clicks the submit button whose text is given, and waits for the next page. */
	public Browser press(String buttonText) {
		WebElement button = driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
		WebElement html = driver.findElement(By.tagName("html"));
		inMiddle(button).click();
		waitUntilGone(html);
		return this;
	}

	/** Scrolled to the middle of the window, as a person would, so that the sticky "Leave quickly" never covers it. */
	private WebElement inMiddle(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})",
				element);
		return element;
	}

	public Browser click(String linkText) {
		WebElement html = driver.findElement(By.tagName("html"));
		inMiddle(driver.findElement(By.linkText(linkText))).click();
		waitUntilGone(html);
		return this;
	}

	/** Clicks the element matching the CSS selector (a submit button) and waits for the next page. */
	public Browser clickCss(String selector) {
		WebElement html = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector(selector)).click();
		waitUntilGone(html);
		return this;
	}

	/** Waits until the element has no page left, or until the condition holds. */
	public Browser waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
		return this;
	}

	/**
	 * Waits for the next page. Chromium sometimes reports the old page's element as an "unknown
	 * error" (its node no longer belongs to the document) instead of a stale element: both mean
	 * the page has gone.
	 */
	private void waitUntilGone(WebElement element) {
		waitFor(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException e) {
				return true;
			}
			catch (WebDriverException e) {
				return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
			}
		});
	}

	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		driver.quit();
	}
}
