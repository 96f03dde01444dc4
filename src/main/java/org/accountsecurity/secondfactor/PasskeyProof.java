package org.accountsecurity.secondfactor;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A recent proof, kept in the session, that the person at this session knows the
 * account's password (and its TOTP code when TOTP is on): what adding a passkey needs.
 * Bound to the credential version it was checked against.
 */
record PasskeyProof(UUID accountId, long credentialVersion, Instant expiresAt) implements Serializable {

	boolean validFor(UUID account, long currentVersion, Instant now) {
		return accountId.equals(account) && credentialVersion == currentVersion && now.isBefore(expiresAt);
	}

}
