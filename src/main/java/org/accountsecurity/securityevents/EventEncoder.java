package org.accountsecurity.securityevents;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.accountsecurity.audit.AuditEvent;

/**
 * Turns one audit event into the request a receiver gets, or nothing when the event is
 * not for it (a failed step has no Security Event Token).
 */
interface EventEncoder {

	/**
	 * The request for {@code event} sent at {@code now} with the stable
	 * {@code messageId}.
	 */
	Optional<Encoded> encode(AuditEvent event, String messageId, Instant now);

	/** One request body with its content type and extra headers. */
	record Encoded(String contentType, Map<String, String> headers, String body) {

		public Encoded {
			headers = Map.copyOf(headers);
		}

	}

}
