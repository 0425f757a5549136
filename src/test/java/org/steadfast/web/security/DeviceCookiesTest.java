package org.steadfast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DeviceCookiesTest {

	private final DeviceCookies devices = new DeviceCookies("the shared key", Duration.ofDays(365),
			login -> login.equals("hope@example.org") ? Optional.of("Hope") : Optional.empty());

	private Cookie issuedFor(DeviceCookies by, String username) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		by.issue(new MockHttpServletRequest(), response, username);
		String header = response.getHeader("Set-Cookie");
		assertThat(header).startsWith("device=");
		return new Cookie("device", header.substring("device=".length(), header.indexOf(';')));
	}

	private Optional<String> presented(String login, Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(cookies);
		return devices.deviceFor(request, login);
	}

	@Test
	void aCookieIsValidForItsOwnLoginOnlyWhateverTheCase() {
		Cookie cookie = issuedFor(devices, "Hope");
		assertThat(presented("hope", cookie)).isPresent();
		assertThat(presented(" HOPE ", cookie)).isPresent();
		assertThat(presented("hope@example.org", cookie)).isPresent();
		assertThat(presented("hopeful", cookie)).isEmpty();
		assertThat(presented("other@example.org", cookie)).isEmpty();
		assertThat(presented("", cookie)).isEmpty();
	}

	@Test
	void everySignInGetsItsOwnDevice() {
		assertThat(presented("hope", issuedFor(devices, "hope"))).isNotEqualTo(presented("hope", issuedFor(devices, "hope")));
	}

	@Test
	void aCookieSignedWithAnotherKeyOrChangedIsRefused() {
		Cookie foreign = issuedFor(new DeviceCookies("another key", Duration.ofDays(1), l -> Optional.empty()), "hope");
		assertThat(presented("hope", foreign)).isEmpty();
		String[] parts = issuedFor(devices, "hope").getValue().split("\\.");
		assertThat(presented("hope", new Cookie("device", parts[0] + "." + parts[1] + "x." + parts[2]))).isEmpty();
		assertThat(presented("hope", new Cookie("device", parts[0] + "." + parts[1] + "." + parts[2].substring(1)))).isEmpty();
		assertThat(presented("hope", new Cookie("device", "!!." + parts[1] + "." + parts[2]))).isEmpty();
		assertThat(presented("hope", new Cookie("device", "x".repeat(600)))).isEmpty();
		assertThat(presented("hope", new Cookie("other", String.join(".", parts)))).isEmpty();
		// Among several cookies, the valid one counts.
		assertThat(presented("hope", foreign, new Cookie("device", String.join(".", parts)))).isPresent();
	}
}
