package org.steadfast.notifications.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders the HTML and plain-text parts of a mail from {@code templates/mail/<name>.html} and
 * {@code .txt}, with the site's messages. A separate engine, so the text templates never meet the
 * web pages' HTML resolver.
 */
@Component
public class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();
	private final MessageSource messages;

	/** Where the pages' templates are and whether they are cached (spring.thymeleaf.*), for the mail templates too. */
	MailTemplates(MessageSource messages, ApplicationContext context, ThymeleafProperties thymeleaf) {
		this.messages = messages;
		String prefix = thymeleaf.getPrefix();
		boolean cache = thymeleaf.isCache();
		engine.addTemplateResolver(resolver(context, prefix, ".html", TemplateMode.HTML, cache, 1));
		engine.addTemplateResolver(resolver(context, prefix, ".txt", TemplateMode.TEXT, cache, 2));
		engine.setTemplateEngineMessageSource(new SettledMessages(messages));
	}

	/**
	 * The site's messages, with those that take no arguments (headings, footers: most of a mail's
	 * text) resolved once: with {@code always-use-message-format} every lookup would otherwise
	 * format the same pattern again, for every mail of a digest run. The messages never change
	 * while the application runs (the bundles are cached for good), so neither does the answer.
	 */
	private record SettledMessages(MessageSource messages, Map<String, Optional<String>> settled)
			implements MessageSource {

		SettledMessages(MessageSource messages) {
			this(messages, new ConcurrentHashMap<>());
		}

		@Override
		public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
			if (args != null && args.length > 0) {
				return messages.getMessage(code, args, defaultMessage, locale);
			}
			return settled.computeIfAbsent(code + "\n" + locale,
					k -> Optional.ofNullable(messages.getMessage(code, null, null, locale)))
					.orElse(defaultMessage);
		}

		@Override
		public String getMessage(String code, Object[] args, Locale locale) {
			String message = getMessage(code, args, null, locale);
			if (message == null) {
				throw new NoSuchMessageException(code, locale);
			}
			return message;
		}

		@Override
		public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
			return messages.getMessage(resolvable, locale);
		}
	}

	private static SpringResourceTemplateResolver resolver(ApplicationContext context,
			String prefix, String suffix, TemplateMode mode, boolean cache, int order) {
		var resolver = new SpringResourceTemplateResolver();
		resolver.setApplicationContext(context);
		resolver.setPrefix(prefix + "mail/");
		resolver.setSuffix("");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(cache);
		resolver.setOrder(order);
		return resolver;
	}

	public record Parts(String text, String html) {
	}

	public Parts render(String template, Map<String, Object> model) {
		Context context = new Context(Locale.ENGLISH, model);
		return new Parts(engine.process(template + ".txt", context), engine.process(template + ".html", context));
	}

	public String message(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}
}
