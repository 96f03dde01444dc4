package org.accountsecurity.securityevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import org.accountsecurity.audit.AuditEventType;

/**
 * One receiver: its cursor's key (the SHA-256 of kind and URL, so the URL, which may
 * carry a token, is never stored), a label for logs and the audit trail
 * ({@code webhooks[0]}), where to POST, which event types, after how many failed attempts
 * an event is a dead letter, and how an event is encoded for it.
 */
record Target(String key, String label, URI url, Set<AuditEventType> types, int maxAttempts, EventEncoder encoder) {

	Target {
		types = Set.copyOf(types);
	}

	static String keyOf(String kind, URI url) {
		return sha256Hex(kind + " " + url);
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stable id for one event at this receiver, the same on every attempt and instance
	 * (for the receiver's de-duplication), and different at other receivers and in other
	 * databases (the event's time is part of it).
	 */
	String messageId(long eventId, Instant occurredAt) {
		return "msg_" + eventId + "_"
				+ sha256Hex(key + " " + eventId + " " + occurredAt.toEpochMilli()).substring(0, 20);
	}

}
