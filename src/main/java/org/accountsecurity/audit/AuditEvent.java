package org.accountsecurity.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit event as operators and account holders read it (README, Audit trail);
 * {@code details} is never null ({@link AuditDetails#NONE} when it has none).
 */
public record AuditEvent(long id, Instant occurredAt, AuditEventType type, Outcome outcome, String reason, String actor,
		UUID accountId, String subjectHash, String clientAddress, String userAgent, String requestId,
		String clientRequestId, Instant erasedAt, AuditDetails details) {
}
