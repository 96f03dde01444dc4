package org.accountsecurity.operator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.StringJoiner;

import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditQuery;
import org.accountsecurity.audit.InvalidAuditQuery;
import org.accountsecurity.audit.Outcome;

/**
 * The filter as typed, shared by the console and the API: kept as strings so that the
 * form shows back what was entered and links repeat it; {@link #toQuery()} checks it.
 * Times are ISO-8601; one without an offset (what a {@code datetime-local} field sends)
 * is UTC.
 */
record AuditFilter(String email, String type, String outcome, String from, String to, String page, String size) {

	/**
	 * The query, or an {@link InvalidAuditQuery} naming the field that is wrong.
	 */
	AuditQuery toQuery() {
		return new AuditQuery(email, type(type), outcome(outcome), time("from", from), time("to", to),
				number("page", page, 0), number("size", size, AuditQuery.DEFAULT_SIZE));
	}

	/** Path and query of this filter on another page ({@code page <= 0}: the first). */
	String link(String path, int newPage) {
		StringJoiner query = new StringJoiner("&");
		param(query, "email", email);
		param(query, "type", type);
		param(query, "outcome", outcome);
		param(query, "from", from);
		param(query, "to", to);
		if (newPage > 0) {
			param(query, "page", Integer.toString(newPage));
		}
		param(query, "size", size);
		return query.length() == 0 ? path : path + "?" + query;
	}

	/** Path and query of this filter's export in {@code format}: every page. */
	String export(String path, String format) {
		String link = link(path, 0);
		return link + (link.contains("?") ? "&" : "?") + "format=" + format;
	}

	// URLEncoder, not a URI template: a '+' in an address or a time offset must arrive as
	// '+'.
	private static void param(StringJoiner query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

	private static AuditEventType type(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return AuditEventType.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuditQuery("type", "one of the event types");
		}
	}

	private static Outcome outcome(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuditQuery("outcome", "SUCCESS or FAILURE");
		}
	}

	static Instant time(String field, String value) {
		if (blank(value)) {
			return null;
		}
		String text = value.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException notADate) {
					throw new InvalidAuditQuery(field, "an ISO-8601 time such as 2026-05-01T10:00:00Z");
				}
			}
		}
	}

	private static int number(String field, String value, int otherwise) {
		if (blank(value)) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidAuditQuery(field, "a whole number");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
