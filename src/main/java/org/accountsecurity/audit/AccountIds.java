package org.accountsecurity.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * The one thing the audit trail asks of accounts: which account, if any, a typed address
 * finds. The trail knows accounts by id only; the account feature implements this.
 */
public interface AccountIds {

	Optional<UUID> byEmail(String typedAddress);

}
