package org.accountsecurity.audit;

import java.time.Instant;

/**
 * What an operator asks of the audit trail: an e-mail address (the account's events and
 * those of requests that typed it but matched no account), a type, an outcome and a time
 * range ({@code from} inclusive, {@code to} exclusive), one page of it, newest first.
 * Every field but page and size may be null.
 */
public record AuditQuery(String email, AuditEventType type, Outcome outcome, Instant from, Instant to, int page,
		int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/** Far beyond any page, yet small enough that {@code page * size} stays an int. */
	public static final int MAX_PAGE = 1_000_000;

	public AuditQuery {
		email = email == null || email.isBlank() ? null : email.strip();
		if (email != null && email.length() > 320) {
			throw new InvalidAuditQuery("email", "at most 320 characters");
		}
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidAuditQuery("page", "a number from 0 to " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidAuditQuery("size", "a number from 1 to " + MAX_SIZE);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidAuditQuery("to", "not before from");
		}
	}

	/** Everything, first page. */
	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, 0, DEFAULT_SIZE);
	}

	public AuditQuery withPage(int newPage) {
		return new AuditQuery(email, type, outcome, from, to, newPage, size);
	}

	long offset() {
		return (long) page * size;
	}

}
