package org.accountsecurity.audit;

import org.accountsecurity.requester.RequestOrigin;

import java.util.UUID;

/**
 * What a feature asks the audit log to record. For a request that matches no account,
 * {@code typedSubject} carries the typed identifier: the log keeps only its keyed hash.
 */
public record AuditEntry(AuditEventType type, Outcome outcome, String reason, String actor, UUID accountId,
		String typedSubject, RequestOrigin origin) {

	public static final String SELF = "self";

	public static final String SYSTEM = "system";

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
		return new AuditEntry(type, outcome, reason, newActor, accountId, typedSubject, origin);
	}

}
