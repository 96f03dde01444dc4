package org.accountsecurity.audit;

import java.util.Map;

/**
 * Legacy: events written before {@code V6__audit_details} (details null; such trails
 * exist only in local H2 file databases) carried the facts a reset link is derived from
 * in their reason, as {@code trigger=forgot;expires=...;attempt=1} or
 * {@code via=reset_link}. Nothing writes that form any more; this class can go once no
 * such trail is kept.
 */
final class LegacyResetReason {

	/** The keys that are read, and their names in details. */
	private static final Map<String, String> KEYS = Map.of("trigger", "trigger", "expires", "expiresAt", "via", "via");

	private LegacyResetReason() {
	}

	/** The event's details, or for a legacy event the ones its reason spelt out. */
	static AuditDetails details(AuditEvent event) {
		if (!event.details().isEmpty() || event.reason() == null || event.reason().indexOf('=') < 0) {
			return event.details();
		}
		AuditDetails legacy = AuditDetails.NONE;
		for (String part : event.reason().split(";")) {
			int eq = part.indexOf('=');
			String key = eq > 0 ? KEYS.get(part.substring(0, eq).strip()) : null;
			if (key != null) {
				legacy = legacy.with(key, part.substring(eq + 1).strip());
			}
		}
		return legacy;
	}

}
