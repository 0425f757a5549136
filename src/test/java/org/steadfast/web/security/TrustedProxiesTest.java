package org.steadfast.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

	private static boolean trusts(String proxies, String address) {
		String regex = TrustedProxies.regex(proxies);
		return !regex.isEmpty() && Pattern.compile(regex).matcher(address).matches();
	}

	@Test
	void theDefaultTrustsLoopbackOnly() {
		String loopback = "127.0.0.0/8,::1";
		assertThat(trusts(loopback, "127.0.0.1")).isTrue();
		assertThat(trusts(loopback, "127.200.3.4")).isTrue();
		assertThat(trusts(loopback, "0:0:0:0:0:0:0:1")).isTrue();
		assertThat(trusts(loopback, "::1")).isTrue();
		assertThat(trusts(loopback, "10.0.0.1")).isFalse();
		assertThat(trusts(loopback, "192.168.1.1")).isFalse();
		assertThat(trusts(loopback, "128.0.0.1")).isFalse();
		assertThat(trusts(loopback, "1127.0.0.1")).isFalse();
	}

	@Test
	void rangesEndWhereTheirPrefixSays() {
		assertThat(trusts("172.16.0.0/12", "172.16.0.1")).isTrue();
		assertThat(trusts("172.16.0.0/12", "172.31.255.254")).isTrue();
		assertThat(trusts("172.16.0.0/12", "172.32.0.1")).isFalse();
		assertThat(trusts("172.16.0.0/12", "172.15.0.1")).isFalse();
		assertThat(trusts("10.1.2.3", "10.1.2.3")).isTrue();
		assertThat(trusts("10.1.2.3", "10.1.2.30")).isFalse();
		assertThat(trusts("10.1.2.3, 192.0.2.0/24", "192.0.2.77")).isTrue();
		assertThat(trusts("0.0.0.0/0", "203.0.113.9")).isTrue();
	}

	@Test
	void nobodyWhenEmptyAndAMistakeStopsTheStart() {
		assertThat(TrustedProxies.regex("")).isEmpty();
		assertThat(TrustedProxies.regex("none")).isEmpty();
		assertThatThrownBy(() -> TrustedProxies.regex("10.0.0/8")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.regex("10.0.0.256")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.regex("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.regex("fd00::/8")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TrustedProxies.regex("proxy.example.org")).isInstanceOf(IllegalArgumentException.class);
	}
}
