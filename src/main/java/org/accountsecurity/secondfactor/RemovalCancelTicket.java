package org.accountsecurity.secondfactor;

import java.io.Serializable;
import java.util.UUID;

/**
 * What a sound "cancel the removal" token names (the account, the hash of the token's
 * id): kept in the session between opening the link and the confirm button, instead of
 * the token.
 */
public record RemovalCancelTicket(UUID accountId, String tokenHash) implements Serializable {
}
