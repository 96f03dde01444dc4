package org.accountsecurity.operator.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.audit.AuditEvent;

/**
 * An event as the API and the exports show it: times as ISO-8601 UTC with {@code Z}, to
 * the millisecond; {@code details} as a JSON object (a JSON cell in CSV, empty when there
 * are none).
 */
record AuditEventResponse(long id, String occurredAt, String type, String outcome, String reason, String actor,
		UUID accountId, String subjectHash, String clientAddress, String userAgent, String requestId,
		String clientRequestId, String erasedAt, Map<String, Object> details) {

	static final String[] CSV_HEADER = { "id", "occurredAt", "type", "outcome", "reason", "actor", "accountId",
			"subjectHash", "clientAddress", "userAgent", "requestId", "clientRequestId", "erasedAt", "details" };

	static AuditEventResponse of(AuditEvent event) {
		return new AuditEventResponse(event.id(), iso(event.occurredAt()), event.type().name(), event.outcome().name(),
				event.reason(), event.actor(), event.accountId(), event.subjectHash(), event.clientAddress(),
				event.userAgent(), event.requestId(), event.clientRequestId(), iso(event.erasedAt()),
				event.details().values());
	}

	String[] csvRow(JsonMapper json) {
		return new String[] { Long.toString(id), occurredAt, type, outcome, reason, actor,
				accountId == null ? null : accountId.toString(), subjectHash, clientAddress, userAgent, requestId,
				clientRequestId, erasedAt, details.isEmpty() ? null : json.writeValueAsString(details) };
	}

	static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
