package org.steadfast.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.CurrentMember;

/**
 * Formats instants for the reader, in the reader's own time zone. Templates use it as
 * {@code ${@times.short(instant)}} inside a {@code <time datetime>} element.
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
			FormatStyle.SHORT);

	private final MessageSource messages;
	private final Clock clock;

	Times(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public ZoneId zone() {
		return CurrentMember.zone();
	}

	/** The ISO instant, for the datetime attribute. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.withLocale(locale()).format(instant.atZone(zone()));
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(zone()));
	}

	/** "5 min ago", "3 h ago", then the date: what a reader scanning a list wants to know. */
	public String ago(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, clock.instant());
		Locale locale = locale();
		if (age.toMinutes() < 1) {
			return messages.getMessage("time.justNow", null, locale);
		}
		if (age.toHours() < 1) {
			return messages.getMessage("time.minutesAgo", new Object[] { age.toMinutes() }, locale);
		}
		if (age.toDays() < 1) {
			return messages.getMessage("time.hoursAgo", new Object[] { age.toHours() }, locale);
		}
		if (age.toDays() < 7) {
			return messages.getMessage("time.daysAgo", new Object[] { age.toDays() }, locale);
		}
		return date(instant);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
