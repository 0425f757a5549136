package org.steadfast.ops.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a member's request waits on the database ({@code steadfast.database.*}). */
@ConfigurationProperties("steadfast.database")
public class DatabaseProperties {

	/**
	 * The longest a request waits for each answer of the database before the page says it is
	 * unavailable (503); zero: as long as the connection's own socket timeout.
	 */
	private Duration requestTimeout = Duration.ZERO;

	public Duration getRequestTimeout() { return requestTimeout; }
	public void setRequestTimeout(Duration v) { requestTimeout = v; }
}
