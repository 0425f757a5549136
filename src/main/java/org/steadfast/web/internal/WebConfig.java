package org.steadfast.web.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebConfig {

	/** One clock for the whole application, so that tests can fix "now". */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
