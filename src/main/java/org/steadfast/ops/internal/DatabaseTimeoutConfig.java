package org.steadfast.ops.internal;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Requests wait on the database for at most {@code steadfast.database.request-timeout} per answer. */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeoutConfig {

	@Bean
	static BeanPostProcessor requestDatabaseTimeout(Environment environment) {
		return RequestDatabaseTimeout.wrapping(Binder.get(environment)
				.bind("steadfast.database.request-timeout", Duration.class).orElse(Duration.ZERO));
	}
}
