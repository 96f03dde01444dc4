package org.accountsecurity.securityevents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.accountsecurity.audit.AuditEvent;

/**
 * An event as a Standard Webhooks message: a JSON object of the event's chained core
 * (type, id, time, outcome, reason code, typed details) and the account id, with the
 * headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}. No
 * personal field but the account id leaves: no address, pseudonym, client address, user
 * agent or request id (details never hold personal data or secrets, see
 * {@code AuditDetails}).
 */
final class WebhookEncoder implements EventEncoder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebhookSignature signature;

	WebhookEncoder(WebhookSignature signature) {
		this.signature = signature;
	}

	@Override
	public Optional<Encoded> encode(AuditEvent event, String messageId, Instant now) {
		String body = JSON.writeValueAsString(payload(event));
		long timestamp = now.getEpochSecond();
		return Optional.of(new Encoded("application/json", Map.of("webhook-id", messageId, "webhook-timestamp",
				Long.toString(timestamp), "webhook-signature", signature.sign(messageId, timestamp, body)), body));
	}

	static Map<String, Object> payload(AuditEvent event) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.type().name());
		payload.put("eventId", event.id());
		payload.put("accountId", event.accountId() == null ? null : event.accountId().toString());
		payload.put("occurredAt", event.occurredAt().toString());
		payload.put("outcome", event.outcome().name());
		if (event.reason() != null) {
			payload.put("reason", event.reason());
		}
		if (!event.details().isEmpty()) {
			payload.put("details", event.details().values());
		}
		return payload;
	}

}
