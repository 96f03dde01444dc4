package org.accountsecurity.secondfactor;

import java.time.Instant;

import org.springframework.security.web.webauthn.api.CredentialRecord;

/**
 * One passkey as its holder sees it.
 *
 * @param id the credential id (base64url), to name it in the holder's own requests
 * @param name the name the holder gave it
 * @param addedAt when it was registered
 * @param lastUsedAt when it last signed in; null when never
 */
public record Passkey(String id, String name, Instant addedAt, Instant lastUsedAt) {

	static Passkey of(CredentialRecord record) {
		Instant lastUsed = record.getLastUsed() == null || record.getLastUsed().equals(record.getCreated()) ? null
				: record.getLastUsed();
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				lastUsed);
	}

}
