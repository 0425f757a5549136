package org.steadfast.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the database holds them: UTC wall-clock time in {@code DATETIME(6)}, as Hibernate
 * writes them with {@code jdbc.time_zone=UTC}. Every JDBC read and write of a time goes through here.
 */
public final class Utc {

	private Utc() {
	}

	/** The column value for an instant (null stays null). */
	public static LocalDateTime of(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The instant a column value stands for (null stays null). */
	public static Instant instant(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	/** Reads a time column as an instant (null stays null). */
	public static Instant read(ResultSet rs, String column) throws SQLException {
		return instant(rs.getObject(column, LocalDateTime.class));
	}
}
