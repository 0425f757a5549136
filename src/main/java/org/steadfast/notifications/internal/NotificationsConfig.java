package org.steadfast.notifications.internal;

import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail delivery; the jobs' scheduling and locks are the operations module's ({@code ops}). */
@Configuration
@EnableConfigurationProperties({ MailProperties.class, DigestProperties.class, SiteAddress.class })
class NotificationsConfig {

	/** SMTP only when STEADFAST_SMTP_HOST is set; otherwise mail stays in the outbox. */
	@Bean
	@ConditionalOnExpression("'${steadfast.mail.smtp.host:}' != ''")
	JavaMailSender steadfastMailSender(MailProperties properties) {
		MailProperties.Smtp smtp = properties.smtp();
		var sender = new JavaMailSenderImpl();
		sender.setHost(smtp.host());
		sender.setPort(smtp.port());
		if (!smtp.username().isBlank()) {
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
		}
		Properties javaMail = sender.getJavaMailProperties();
		javaMail.put("mail.smtp.auth", String.valueOf(!smtp.username().isBlank()));
		javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
		javaMail.put("mail.smtp.connectiontimeout", "10000");
		javaMail.put("mail.smtp.timeout", "20000");
		javaMail.put("mail.smtp.writetimeout", "20000");
		return sender;
	}
}
