package org.steadfast.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Someone with a browser's cookie jar, talking to any node: cookies are per visitor, not per node. */
final class Visitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\"[^>]*value=\"([^\"]+)\"");

	record Page(int status, String body, String location) {
	}

	final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

	Page get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
	}

	/** Posts the form on {@code formPage} to {@code action}, with its CSRF and form tokens. */
	Page submit(String formPage, String action, Map<String, String> fields) throws IOException, InterruptedException {
		Page page = get(formPage);
		if (page.status() != 200) {
			throw new IllegalStateException("Form page " + formPage + " answered " + page.status());
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", find(CSRF, page.body(), formPage));
		Matcher token = FORM_TOKEN.matcher(page.body());
		if (token.find()) {
			all.putIfAbsent("formToken", token.group(1));
		}
		return post(action, all);
	}

	Page post(String url, Map<String, String> fields) throws IOException, InterruptedException {
		String body = fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
	}

	Page signIn(String node, String login, String password, boolean rememberMe) throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("login", login, "password", password));
		if (rememberMe) {
			fields.put("remember-me", "on");
		}
		return submit(node + "/login", node + "/login", fields);
	}

	/** Carries only the named cookie of another visitor (a session or remember-me cookie), as a second device would. */
	void copyCookie(Visitor other, String name) {
		for (HttpCookie cookie : other.cookies.getCookieStore().getCookies()) {
			if (cookie.getName().equals(name)) {
				cookies.getCookieStore().add(URI.create("http://127.0.0.1"), cookie);
			}
		}
	}

	boolean hasCookie(String name) {
		return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name));
	}

	private static String find(Pattern pattern, String body, String where) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " on " + where);
		}
		return matcher.group(1);
	}
}
