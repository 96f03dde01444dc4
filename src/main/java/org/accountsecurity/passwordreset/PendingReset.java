package org.accountsecurity.passwordreset;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A checked reset link, as kept in the server-side session between opening the link and
 * submitting the new password. It holds the hash of the token's random id, never the
 * token, so neither Redis nor the address bar holds anything that opens the account.
 */
public record PendingReset(UUID accountId, String tokenIdHash, long credentialVersion,
		Instant expiresAt) implements Serializable {
}
