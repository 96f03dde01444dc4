package org.accountsecurity.mail;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One job in the outbox: {@code kind} selects the {@link OutboxHandler}, {@code fields}
 * are flat strings the handler needs to build the mail (an account id, a token id, a
 * time) and never a password, token or link, because they rest in Redis until the mail is
 * sent.
 */
public record OutboxMessage(String kind, Map<String, String> fields) {

	/**
	 * The kind of a message that sends nothing; queued so that a request does the same
	 * Redis work either way.
	 */
	public static final String NONE = "none";

	private static final Pattern KIND = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	public OutboxMessage {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("A message kind is 1 to 64 letters, digits, '.', '_' or '-'");
		}
		if (fields == null) {
			fields = Map.of();
		}
		fields.forEach((name, value) -> {
			if (name == null || name.isEmpty() || name.startsWith("_") || value == null) {
				throw new IllegalArgumentException(
						"Message fields need a name that does not start with '_' (reserved) and a value");
			}
		});
		fields = Map.copyOf(fields);
	}

	/**
	 * The field {@code name}, or null when it is missing or empty (a field cannot hold a
	 * null, so "unknown" is queued as empty).
	 */
	public String optionalField(String name) {
		String value = fields.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** A message that the worker only acknowledges: it sends nothing. */
	public static OutboxMessage none() {
		return new OutboxMessage(NONE, Map.of());
	}

}
