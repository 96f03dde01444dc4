package org.accountsecurity.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One event ready to be chained: every column but id, prev_hash and hash, which the chain
 * assigns. {@code details} is the stored JSON text, null when the event has none.
 */
record AuditRow(Instant occurredAt, String type, String outcome, String reason, String actor, String requestId,
		UUID accountId, String subjectHash, String clientAddress, String userAgent, String clientRequestId,
		String personalSalt, String personalDigest, String details) {
}
