package org.steadfast.notifications.internal;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail delivery; the jobs' scheduling and locks are the operations module's ({@code ops}). */
@Configuration
class NotificationsConfig {

	/** SMTP only when STEADFAST_SMTP_HOST is set; otherwise mail stays in the outbox. */
	@Bean
	@ConditionalOnExpression("'${steadfast.mail.smtp.host:}' != ''")
	JavaMailSender steadfastMailSender(@Value("${steadfast.mail.smtp.host}") String host,
			@Value("${steadfast.mail.smtp.port:587}") int port, @Value("${steadfast.mail.smtp.username:}") String username,
			@Value("${steadfast.mail.smtp.password:}") String password,
			@Value("${steadfast.mail.smtp.starttls:true}") boolean starttls) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);
		if (!username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(password);
		}
		Properties properties = sender.getJavaMailProperties();
		properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "20000");
		properties.put("mail.smtp.writetimeout", "20000");
		return sender;
	}
}
