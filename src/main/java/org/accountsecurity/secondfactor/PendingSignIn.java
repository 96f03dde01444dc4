package org.accountsecurity.secondfactor;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A proven password waiting for its second step, kept in the session instead of any
 * authentication: it grants nothing. Bound to the credential version the password was
 * checked against, so that a password change in between voids it.
 */
record PendingSignIn(UUID accountId, long credentialVersion, Instant expiresAt) implements Serializable {

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

}
