package org.accountsecurity.securityevents;

import java.net.URI;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.securityevents.EventsProperties.SetReceiver;
import org.accountsecurity.securityevents.EventsProperties.Webhook;
import org.accountsecurity.system.InvalidSetting;

/**
 * Start-up checks of one receiver's settings, each failure naming the setting:
 * {@code https} URLs (plain {@code http} only to this machine, as events name accounts),
 * known event types other than the {@code SECURITY_EVENT_*} ones (delivering those would
 * feed deliveries back into the queue), and Standard Webhooks secrets of 24 to 64 bytes.
 */
final class ReceiverSettings {

	static final String SECRET_PREFIX = "whsec_";

	private ReceiverSettings() {
	}

	static void check(Webhook webhook, String setting) {
		url(setting + ".url", webhook.url());
		types(setting + ".types", webhook.types());
		secret(setting + ".secret", webhook.secret());
		if (webhook.maxAttempts() != null) {
			checkAttempts(setting + ".max-attempts", webhook.maxAttempts());
		}
	}

	static void check(SetReceiver receiver, String setting) {
		url(setting + ".url", receiver.url());
		if (receiver.audience() == null || receiver.audience().isBlank() || receiver.audience().length() > 200) {
			throw new InvalidSetting(setting + ".audience", "is not set: give the receiver's audience (aud)");
		}
		if (receiver.maxAttempts() != null) {
			checkAttempts(setting + ".max-attempts", receiver.maxAttempts());
		}
	}

	static void checkAttempts(String setting, int attempts) {
		if (attempts < 1 || attempts > 100) {
			throw new InvalidSetting(setting, "must be between 1 and 100");
		}
	}

	static URI url(String setting, String value) {
		URI uri;
		try {
			uri = URI.create(value == null ? "" : value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSetting(setting, "is not a URL");
		}
		String host = uri.getHost();
		boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
		if (host == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
				|| !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
			throw new InvalidSetting(setting,
					"must be an absolute https URL without user or fragment (http only to localhost)");
		}
		return uri;
	}

	static Set<AuditEventType> types(String setting, String value) {
		Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
		for (String name : (value == null ? "" : value).split(",")) {
			String trimmed = name.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			AuditEventType type;
			try {
				type = AuditEventType.valueOf(trimmed);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSetting(setting,
						"names an unknown audit event type: " + trimmed.replaceAll("\\W", "?"));
			}
			if (type.name().startsWith("SECURITY_EVENT_")) {
				throw new InvalidSetting(setting, "may not name " + type + ": deliveries are not delivered");
			}
			types.add(type);
		}
		if (types.isEmpty()) {
			throw new InvalidSetting(setting,
					"is not set: give audit event types, e.g. PASSWORD_CHANGED,SESSIONS_REVOKED");
		}
		return types;
	}

	/** The key bytes of a Standard Webhooks secret. */
	static byte[] secret(String setting, String value) {
		if (value == null || !value.startsWith(SECRET_PREFIX)) {
			throw new InvalidSetting(setting, "must be whsec_ followed by base64 (a Standard Webhooks secret)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value.substring(SECRET_PREFIX.length()).trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSetting(setting, "is not valid base64 after whsec_");
		}
		if (key.length < 24 || key.length > 64) {
			throw new InvalidSetting(setting, "must hold 24 to 64 bytes after whsec_");
		}
		return key;
	}

}
