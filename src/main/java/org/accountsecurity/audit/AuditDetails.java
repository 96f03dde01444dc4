package org.accountsecurity.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.requester.Sanitizer;

/**
 * Typed facts of one audit event beyond its reason code (a trigger, a count, an expiry):
 * a few named strings and whole numbers, stored as a small JSON object in the event's
 * chained core. They must never hold personal data (no address, account id, pseudonym or
 * user agent) nor any secret (no token, link, password or hash): unlike the personal
 * fields they are not erasable, and they stay as long as the event.
 */
public final class AuditDetails {

	public static final AuditDetails NONE = new AuditDetails(Map.of());

	/** The stored JSON, in UTF-8 bytes, at most. */
	static final int MAX_BYTES = 500;

	static final int MAX_TEXT = 100;

	private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> values;

	private AuditDetails(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/** Adds a short text (control characters escaped, cut to 100 characters). */
	public AuditDetails with(String key, String value) {
		return value == null ? this : put(key, Sanitizer.clean(value, MAX_TEXT));
	}

	public AuditDetails with(String key, long value) {
		return put(key, value);
	}

	/** Adds an instant as ISO-8601 UTC text, to the millisecond. */
	public AuditDetails with(String key, Instant value) {
		return value == null ? this : put(key, value.truncatedTo(ChronoUnit.MILLIS).toString());
	}

	/** The values, strings and longs, in the order they were added. */
	public Map<String, Object> values() {
		return values;
	}

	public boolean isEmpty() {
		return values.isEmpty();
	}

	/** The value as text, or null when absent. */
	public String text(String key) {
		Object value = values.get(key);
		return value == null ? null : value.toString();
	}

	/** An instant added with {@link #with(String, Instant)}, or null. */
	public Instant instant(String key) {
		String value = text(key);
		try {
			return value == null ? null : Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The JSON to store, null when there are none. Past {@link #MAX_BYTES} the last
	 * entries are dropped and {@code truncated} counts them, so that an audit write never
	 * fails on its details.
	 */
	String json() {
		if (values.isEmpty()) {
			return null;
		}
		String all = write(values);
		if (fits(all)) {
			return all;
		}
		Map<String, Object> kept = new LinkedHashMap<>();
		int dropped = 0;
		for (Map.Entry<String, Object> entry : values.entrySet()) {
			Map<String, Object> candidate = new LinkedHashMap<>(kept);
			candidate.put(entry.getKey(), entry.getValue());
			candidate.put("truncated", (long) values.size());
			if (dropped == 0 && fits(write(candidate))) {
				kept.put(entry.getKey(), entry.getValue());
			}
			else {
				dropped++;
			}
		}
		kept.put("truncated", (long) dropped);
		return write(kept);
	}

	/** Reads stored JSON back; null (events written before details existed) is none. */
	static AuditDetails parse(String json) {
		if (json == null || json.isBlank()) {
			return NONE;
		}
		Map<String, Object> read = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		Map<String, Object> values = new LinkedHashMap<>();
		read.forEach((key, value) -> values.put(key,
				value instanceof Number number ? (Object) number.longValue() : String.valueOf(value)));
		return new AuditDetails(values);
	}

	private AuditDetails put(String key, Object value) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Audit detail keys are short camelCase names: " + key);
		}
		Map<String, Object> next = new LinkedHashMap<>(values);
		next.put(key, value);
		return new AuditDetails(next);
	}

	private static String write(Map<String, Object> values) {
		return JSON.writeValueAsString(values);
	}

	private static boolean fits(String json) {
		return json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AuditDetails details && values.equals(details.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return values.toString();
	}

}
