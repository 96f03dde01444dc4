package org.accountsecurity.audit;

import org.accountsecurity.requester.RequestOrigin;

import java.time.Instant;
import java.util.UUID;

/**
 * What a feature asks the audit log to record. For a request that matches no account,
 * {@code typedSubject} carries the typed identifier: the log keeps only its keyed hash.
 * {@code reason} is a short machine code (why); facts such as a trigger or a count go in
 * {@code details}, which must never hold personal data or a secret
 * ({@link AuditDetails}).
 */
public record AuditEntry(AuditEventType type, Outcome outcome, String reason, String actor, UUID accountId,
		String typedSubject, RequestOrigin origin, AuditDetails details) {

	public static final String SELF = "self";

	public static final String SYSTEM = "system";

	public AuditEntry {
		details = details == null ? AuditDetails.NONE : details;
	}

	/** An entry without details. */
	public AuditEntry(AuditEventType type, Outcome outcome, String reason, String actor, UUID accountId,
			String typedSubject, RequestOrigin origin) {
		this(type, outcome, reason, actor, accountId, typedSubject, origin, AuditDetails.NONE);
	}

	public static AuditEntry forAccount(AuditEventType type, Outcome outcome, String reason, UUID accountId,
			RequestOrigin origin) {
		return new AuditEntry(type, outcome, reason, SELF, accountId, null, origin);
	}

	public static AuditEntry forUnknownSubject(AuditEventType type, Outcome outcome, String reason, String typed,
			RequestOrigin origin) {
		return new AuditEntry(type, outcome, reason, SELF, null, typed, origin);
	}

	public static String operator(UUID operatorId) {
		return "operator:" + operatorId;
	}

	public AuditEntry byActor(String newActor) {
		return new AuditEntry(type, outcome, reason, newActor, accountId, typedSubject, origin, details);
	}

	/**
	 * This entry with one more detail; see {@link AuditDetails} for what may go there.
	 */
	public AuditEntry with(String key, String value) {
		return withDetails(details.with(key, value));
	}

	public AuditEntry with(String key, long value) {
		return withDetails(details.with(key, value));
	}

	public AuditEntry with(String key, Instant value) {
		return withDetails(details.with(key, value));
	}

	private AuditEntry withDetails(AuditDetails newDetails) {
		return new AuditEntry(type, outcome, reason, actor, accountId, typedSubject, origin, newDetails);
	}

}
