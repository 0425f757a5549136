package org.steadfast.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The digest's settings ({@code steadfast.digest.*}). Its schedule and lock
 * ({@code steadfast.digest.cron}, {@code lock-at-most}, {@code lock-at-least}) are read where the
 * job declares them, by the scheduler and ShedLock, with their defaults there.
 *
 * @param batchSize subscribers walked, claimed and composed per transaction
 */
@ConfigurationProperties("steadfast.digest")
record DigestProperties(@DefaultValue("500") int batchSize) {
}
