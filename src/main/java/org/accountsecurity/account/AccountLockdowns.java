package org.accountsecurity.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The holder's lockdown in SQL ({@code account.locked_down_at}): set by "This wasn't me",
 * cleared by a password set through a reset link ({@link Accounts#changePassword}). Its
 * history is the audit trail.
 */
@Repository
public class AccountLockdowns {

	private final JdbcClient jdbc;

	AccountLockdowns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the account down: its password stops signing in until a reset sets a new one,
	 * and the credential version moves on, which refuses every session, reset link and
	 * e-mail-change link issued before. Returns false when there is no such account.
	 */
	public boolean lockDown(UUID id, Instant now) {
		return jdbc
			.sql("update account set locked_down_at = coalesce(locked_down_at, ?), "
					+ "credential_version = credential_version + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/** When the holder locked the account down; empty when it is not locked. */
	public Optional<Instant> lockedDownAt(UUID id) {
		return jdbc.sql("select locked_down_at from account where id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap(at -> at);
	}

}
