package org.accountsecurity.securityevents;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEvent;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.Outcome;

/**
 * Which audit events are CAEP events and what each says: {@code credential-change} for a
 * new password (update), a second factor or passkey added (create) or removed (delete);
 * {@code session-revoked} when sessions were ended. Only steps that went through are
 * events; the time is the event's, in seconds (CAEP 1.0).
 */
final class CaepEvents {

	static final String CREDENTIAL_CHANGE = "https://schemas.openid.net/secevent/caep/event-type/credential-change";

	static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";

	private static final Map<AuditEventType, String[]> CREDENTIALS = new EnumMap<>(AuditEventType.class);

	static {
		CREDENTIALS.put(AuditEventType.PASSWORD_CHANGED, new String[] { "password", "update" });
		CREDENTIALS.put(AuditEventType.SECOND_FACTOR_ENROLLED, new String[] { "app", "create" });
		CREDENTIALS.put(AuditEventType.SECOND_FACTOR_REMOVED, new String[] { "app", "delete" });
		CREDENTIALS.put(AuditEventType.PASSKEY_REGISTERED, new String[] { "fido2-platform", "create" });
		CREDENTIALS.put(AuditEventType.PASSKEY_REMOVED, new String[] { "fido2-platform", "delete" });
	}

	static final Set<AuditEventType> SESSION_TYPES = Set.of(AuditEventType.SESSIONS_REVOKED,
			AuditEventType.SESSION_REVOKED, AuditEventType.ACCOUNT_LOCKED_BY_HOLDER);

	private CaepEvents() {
	}

	/** Every audit event type that can become a CAEP event. */
	static Set<AuditEventType> types() {
		Set<AuditEventType> types = new HashSet<>(CREDENTIALS.keySet());
		types.addAll(SESSION_TYPES);
		return types;
	}

	/**
	 * The {@code events} claim of the event's token: its one event type URI and what it
	 * says; empty for a step that failed or an event no longer naming an account.
	 */
	static Optional<Map<String, Object>> of(AuditEvent event) {
		if (event.outcome() != Outcome.SUCCESS || event.accountId() == null) {
			return Optional.empty();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		String uri;
		String[] credential = CREDENTIALS.get(event.type());
		if (credential != null) {
			uri = CREDENTIAL_CHANGE;
			body.put("credential_type", credential[0]);
			body.put("change_type", credential[1]);
		}
		else if (SESSION_TYPES.contains(event.type())) {
			uri = SESSION_REVOKED;
		}
		else {
			return Optional.empty();
		}
		body.put("initiating_entity", initiator(event.actor()));
		body.put("event_timestamp", event.occurredAt().getEpochSecond());
		return Optional.of(Map.of(uri, body));
	}

	private static String initiator(String actor) {
		if (AuditEntry.SELF.equals(actor)) {
			return "user";
		}
		return actor != null && actor.startsWith("operator:") ? "admin" : "system";
	}

}
