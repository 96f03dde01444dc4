package org.accountsecurity.lockdown;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A checked "This wasn't me" link, kept in the session between the confirm page and its
 * POST: the account, the link's id (not the token) and when it expires.
 */
public record PendingLockdown(UUID accountId, String linkId, Instant expiresAt) implements Serializable {
}
