package org.steadfast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import org.steadfast.accounts.SecurityProperties;
import org.steadfast.accounts.internal.AdminProperties;
import org.steadfast.bench.BenchProperties;
import org.steadfast.ops.NodeProperties;
import org.steadfast.ops.internal.DatabaseProperties;
import org.steadfast.web.PageCacheProperties;

/** The settings keep their names and defaults, unset and as application.yml sets them. */
class SettingsBindingTest {

	@Test
	void unsetSettingsHaveTheirDefaults() {
		Binder binder = binder(Map.of());
		SecurityProperties security = bind(binder, "steadfast.security", SecurityProperties.class);
		assertThat(security.getRememberMeKey()).isEmpty();
		assertThat(security.getRememberMeDays()).isEqualTo(Duration.ofDays(30));
		assertThat(security.getDeviceCookieKey()).isEmpty();
		assertThat(security.getDeviceCookieDays()).isEqualTo(Duration.ofDays(365));
		assertThat(security.getTrustedProxies()).isEqualTo("127.0.0.0/8,::1");
		assertThat(security.getLoginThrottle().getMaxFailures()).isEqualTo(5);
		assertThat(security.getLoginThrottle().getWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(security.getLoginThrottle().getTarpit()).isEqualTo(Duration.ofSeconds(1));
		assertThat(security.getLoginThrottle().getShared()).isNull();
		assertThat(security.getPasswordHash().getMemoryKib()).isEqualTo(16384);
		assertThat(security.getPasswordHash().getIterations()).isEqualTo(2);

		NodeProperties node = bind(binder, "steadfast", NodeProperties.class);
		assertThat(node.isCluster()).isFalse();
		assertThat(node.getNodeName()).isEmpty();
		assertThat(node.isRequestLog()).isFalse();

		PageCacheProperties web = bind(binder, "steadfast.web", PageCacheProperties.class);
		assertThat(web.getPageCache().isEnabled()).isTrue();
		assertThat(web.getPageCache().getTtl()).isEqualTo(Duration.ofSeconds(60));
		assertThat(web.getPageCache().getMaxBytes().toBytes()).isEqualTo(67108864L);
		assertThat(web.getRenderedPosts().getMaxBytes().toBytes()).isEqualTo(33554432L);

		AdminProperties admin = bind(binder, "steadfast.admin", AdminProperties.class);
		assertThat(admin.getUsername()).isEmpty();
		assertThat(admin.getEmail()).isEmpty();
		assertThat(admin.getPassword()).isEmpty();

		BenchProperties bench = bind(binder, "steadfast.bench", BenchProperties.class);
		assertThat(bench.isGenerate()).isFalse();
		assertThat(bench.getScale()).isEqualTo(1.0);
		assertThat(bench.getSeed()).isEqualTo(20260101L);
		assertThat(bench.getPrefix()).isEqualTo("reader");
		assertThat(bench.getReport()).isEmpty();
		assertThat(bench.getDigestMembers()).isZero();

		assertThat(bind(binder, "steadfast.database", DatabaseProperties.class).getRequestTimeout()).isZero();
	}

	@Test
	void plainNumbersKeepTheirUnits() {
		Binder binder = binder(Map.of("steadfast.security.remember-me-days", "7", "steadfast.security.device-cookie-days", "90",
				"steadfast.web.page-cache.max-bytes", "1024", "steadfast.web.rendered-posts.max-bytes", "2048",
				"steadfast.database.request-timeout", "2s"));
		SecurityProperties security = bind(binder, "steadfast.security", SecurityProperties.class);
		assertThat(security.getRememberMeDays()).isEqualTo(Duration.ofDays(7));
		assertThat(security.getDeviceCookieDays()).isEqualTo(Duration.ofDays(90));
		PageCacheProperties web = bind(binder, "steadfast.web", PageCacheProperties.class);
		assertThat(web.getPageCache().getMaxBytes()).isEqualTo(DataSize.ofBytes(1024));
		assertThat(web.getRenderedPosts().getMaxBytes()).isEqualTo(DataSize.ofBytes(2048));
		assertThat(bind(binder, "steadfast.database", DatabaseProperties.class).getRequestTimeout())
				.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void applicationYmlSetsWhatTheDefaultsSay() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"));
		// The first document: the default profile.
		environment.getPropertySources().addLast(yml.get(0));
		Binder binder = Binder.get(environment);
		SecurityProperties security = bind(binder, "steadfast.security", SecurityProperties.class);
		assertThat(security.getRememberMeDays()).isEqualTo(Duration.ofDays(30));
		assertThat(security.getLoginThrottle().getMaxFailures()).isEqualTo(5);
		assertThat(security.getLoginThrottle().getWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(security.getPasswordHash().getMemoryKib()).isEqualTo(16384);
		assertThat(security.getPasswordHash().getIterations()).isEqualTo(2);
		assertThat(security.getTrustedProxies()).isEqualTo("127.0.0.0/8,::1");
		AdminProperties admin = bind(binder, "steadfast.admin", AdminProperties.class);
		assertThat(admin.getUsername()).isEmpty();
		assertThat(bind(binder, "steadfast", NodeProperties.class).isCluster()).isFalse();
	}

	private static Binder binder(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return new Binder(ConfigurationPropertySources.get(environment));
	}

	private static <T> T bind(Binder binder, String prefix, Class<T> type) {
		return binder.bindOrCreate(prefix, type);
	}
}
