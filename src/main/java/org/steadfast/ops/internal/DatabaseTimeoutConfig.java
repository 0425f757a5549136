package org.steadfast.ops.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Requests wait on the database for at most {@code steadfast.database.request-timeout} per answer. */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeoutConfig {

	/** Bound here rather than injected: a post-processor is made before the properties beans. */
	@Bean
	static BeanPostProcessor requestDatabaseTimeout(Environment environment) {
		DatabaseProperties database = Binder.get(environment).bindOrCreate("steadfast.database", DatabaseProperties.class);
		return RequestDatabaseTimeout.wrapping(database.getRequestTimeout());
	}
}
