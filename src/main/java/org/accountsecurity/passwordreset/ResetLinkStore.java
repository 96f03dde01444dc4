package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.UUID;

/**
 * Where the one live reset link of each account is kept, by the SHA-256 of its random id
 * (never the token), in the shape of Spring Security's one-time-token service: a newer
 * link revokes the older one, and consuming removes the link first, then tells whether it
 * was live, so of concurrent consumes exactly one wins. A link that is gone is remembered
 * as used or revoked for about its lifetime, so each gets its own page.
 * {@link RedisResetLinkStore} is the real one; tests use an in-memory one.
 */
interface ResetLinkStore {

	/**
	 * Makes this link the account's live one for {@code ttl}; the older one is revoked.
	 */
	void replace(UUID accountId, String linkHash, Duration ttl);

	/** Uses the link if it is the live one; true for exactly one of concurrent calls. */
	boolean consume(UUID accountId, String linkHash);

	/**
	 * Makes a link that {@link #consume} used live again for {@code ttl}, unless another
	 * link became live since: the change it was used for failed (the database was down).
	 * True if it did.
	 */
	boolean giveBack(UUID accountId, String linkHash, Duration ttl);

	/** Revokes the link if it is the live one; true if it was. */
	boolean revoke(UUID accountId, String linkHash);

	/** Revokes the account's live link, if any. */
	void revokeAll(UUID accountId);

	/**
	 * {@link ResetLinkState#VALID} while the link is live, {@link ResetLinkState#USED}
	 * once consumed, otherwise {@link ResetLinkState#REVOKED} (revoked, replaced, or
	 * expired in the store: the token's own expiry is checked before).
	 */
	ResetLinkState state(UUID accountId, String linkHash);

}
