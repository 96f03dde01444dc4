package org.accountsecurity.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Operator-requested removals of second factors still waiting for their time, for the
 * account JSON, Account details and the operator console. A port like
 * {@link SecondFactorStatus}: the {@code secondfactor} module implements it.
 */
public interface SecondFactorRemovalStatus {

	/** The account's pending removal, if any. */
	Optional<PendingRemoval> of(UUID accountId);

	/** The pending removals that are due first, at most {@code limit}. */
	List<PendingRemoval> all(int limit);

	/**
	 * A removal asked for at {@code requestedAt} that takes effect at
	 * {@code effectiveAt}.
	 */
	record PendingRemoval(UUID accountId, Instant requestedAt, Instant effectiveAt) {
	}

}
