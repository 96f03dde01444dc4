package org.accountsecurity.account;

import java.time.Instant;
import java.util.UUID;

/**
 * The e-mail address of an account changed. Published inside the transaction that changes
 * it, so that a listener that fails (say, one that revokes reset links mailed to the old
 * address) undoes the change.
 */
public record EmailAddressChanged(UUID accountId, Instant changedAt) {
}
