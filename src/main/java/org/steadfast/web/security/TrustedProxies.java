package org.steadfast.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.SecurityProperties;

/**
 * Whose {@code X-Forwarded-*} headers are believed: only the proxies in
 * {@code steadfast.security.trusted-proxies} (addresses and IPv4 CIDR ranges, comma-separated;
 * loopback by default). Anyone else who reaches a node directly is known by the address of their
 * own connection, so rotating {@code X-Forwarded-For} neither resets the per-address sign-in count
 * nor makes a plain-HTTP request look like HTTPS. Tomcat's own list (every private network) is
 * replaced, since on a shared network anyone could claim to be the load balancer.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	private final String regex;

	TrustedProxies(SecurityProperties security) {
		this.regex = regex(security.getTrustedProxies());
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				remoteIp.setInternalProxies(regex);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	/** After Spring Boot's customizer, which adds the valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The list as one regular expression over addresses as Tomcat writes them (empty: trust nobody). */
	static String regex(String proxies) {
		StringJoiner any = new StringJoiner("|");
		for (String entry : proxies == null ? new String[0] : proxies.split(",")) {
			String proxy = entry.trim().toLowerCase(Locale.ROOT);
			if (proxy.isEmpty() || proxy.equals("none")) {
				continue;
			}
			for (String alternative : proxy.contains(":") ? ipv6(proxy) : List.of(ipv4(proxy))) {
				any.add("(?:" + alternative + ")");
			}
		}
		return any.toString();
	}

	private static String ipv4(String proxy) {
		String[] parts = proxy.split("/", -1);
		int prefix = parts.length == 2 ? number(parts[1], 32, proxy) : 32;
		String[] octets = parts[0].split("\\.", -1);
		if (parts.length > 2 || octets.length != 4) {
			throw invalid(proxy);
		}
		StringJoiner regex = new StringJoiner("\\.");
		for (int i = 0; i < 4; i++) {
			int value = number(octets[i], 255, proxy);
			int bits = Math.max(0, Math.min(8, prefix - 8 * i));
			int mask = (0xFF << (8 - bits)) & 0xFF;
			int low = value & mask;
			int high = low | (~mask & 0xFF);
			if (low == high) {
				regex.add(Integer.toString(low));
			}
			else if (low == 0 && high == 255) {
				regex.add("\\d{1,3}");
			}
			else {
				StringJoiner range = new StringJoiner("|", "(?:", ")");
				for (int n = low; n <= high; n++) {
					range.add(Integer.toString(n));
				}
				regex.add(range.toString());
			}
		}
		return regex.toString();
	}

	/** Single IPv6 addresses, in every form Tomcat or a proxy may write them. */
	private static List<String> ipv6(String proxy) {
		String address = proxy.endsWith("/128") ? proxy.substring(0, proxy.length() - 4) : proxy;
		if (address.contains("/") || !address.matches("[0-9a-f:.]+")) {
			throw new IllegalArgumentException("steadfast.security.trusted-proxies: IPv6 proxies are single addresses: " + proxy);
		}
		try {
			// A literal: no name lookup happens.
			InetAddress parsed = InetAddress.getByName(address);
			List<String> forms = new ArrayList<>(List.of(Pattern.quote(address)));
			if (parsed instanceof Inet6Address) {
				forms.add(Pattern.quote(parsed.getHostAddress()));
			}
			return forms;
		}
		catch (UnknownHostException e) {
			throw invalid(proxy);
		}
	}

	private static int number(String text, int max, String proxy) {
		if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > max) {
			throw invalid(proxy);
		}
		return Integer.parseInt(text);
	}

	private static IllegalArgumentException invalid(String proxy) {
		return new IllegalArgumentException("steadfast.security.trusted-proxies: not an address or CIDR range: " + proxy);
	}
}
