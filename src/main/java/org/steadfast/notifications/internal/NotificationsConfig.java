package org.steadfast.notifications.internal;

import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class NotificationsConfig {

	/** One node at a time runs each job (the lock lives in the database's shedlock table). */
	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.withTimeZone(TimeZone.getTimeZone("UTC"))
				.build());
	}

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

	/** Jobs run on a schedule unless switched off (tests run them by hand, with a fixed clock). */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(name = "steadfast.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Scheduling {
	}
}
