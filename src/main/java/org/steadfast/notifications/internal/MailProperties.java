package org.steadfast.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail delivery ({@code steadfast.mail.*}). The sender's pause between runs
 * ({@code steadfast.mail.send-interval}) is read where the job declares it, by the scheduler.
 *
 * @param from the sender address (the name is the site's, or a neutral one in discreet mode)
 * @param batchSize mails the sender takes from the outbox per run
 * @param smtp the server; without a host, mail stays in the outbox
 */
@ConfigurationProperties("steadfast.mail")
record MailProperties(@DefaultValue("steadfast@localhost") String from, @DefaultValue("100") int batchSize,
		@DefaultValue Smtp smtp) {

	record Smtp(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("") String username,
			@DefaultValue("") String password, @DefaultValue("true") boolean starttls) {
	}
}
