package org.accountsecurity.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats instants for pages as {@code ${@dates.utc(t)}}: UTC, to the second, unambiguous
 * in any language.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	public String utc(Instant instant) {
		return instant == null ? "" : UTC.format(instant);
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

}
