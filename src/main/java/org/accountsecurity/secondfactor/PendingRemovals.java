package org.accountsecurity.secondfactor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.SecondFactorRemovalStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pending removals in SQL (table {@code second_factor_removal}), one per account.
 * Every step that ends one is a single conditional DELETE, so of a cancel, a sign-in and
 * the removal job of any instance, exactly one ends it and the others see zero rows.
 */
@Repository
class PendingRemovals implements SecondFactorRemovalStatus {

	private static final String COLUMNS = "account_id, requested_at, effective_at";

	private final JdbcClient jdbc;

	PendingRemovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a removal unless one is pending; says whether it did. No duplicate-key
	 * error, which would end a PostgreSQL transaction: of two parallel requests, one
	 * inserts and the other waits and then inserts nothing.
	 */
	boolean insert(UUID accountId, Instant requestedAt, Instant effectiveAt, UUID operatorId) {
		return jdbc
			.sql("insert into second_factor_removal (account_id, requested_at, effective_at, requested_by)"
					+ " values (?, ?, ?, ?) on conflict do nothing")
			.params(accountId, Timestamp.from(requestedAt), Timestamp.from(effectiveAt), operatorId)
			.update() == 1;
	}

	@Override
	public Optional<PendingRemoval> of(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from second_factor_removal where account_id = ?")
			.param(accountId)
			.query(PendingRemovals::row)
			.optional();
	}

	@Override
	public List<PendingRemoval> all(int limit) {
		return jdbc.sql("select " + COLUMNS + " from second_factor_removal order by effective_at, account_id limit ?")
			.param(limit)
			.query(PendingRemovals::row)
			.list();
	}

	/** Names the cancel token of the removal asked for at {@code requestedAt}. */
	boolean setCancelToken(UUID accountId, Instant requestedAt, String tokenHash) {
		return jdbc
			.sql("update second_factor_removal set cancel_token_hash = ? where account_id = ? and requested_at = ?")
			.params(tokenHash, accountId, Timestamp.from(requestedAt))
			.update() == 1;
	}

	/** Whether the removal is pending with this cancel token. */
	boolean hasCancelToken(UUID accountId, String tokenHash) {
		return jdbc.sql("select count(*) from second_factor_removal where account_id = ? and cancel_token_hash = ?")
			.params(accountId, tokenHash)
			.query(Long.class)
			.single() > 0;
	}

	/** Ends the removal named by the cancel token; true for the one caller that did. */
	boolean cancelWithToken(UUID accountId, String tokenHash) {
		return jdbc.sql("delete from second_factor_removal where account_id = ? and cancel_token_hash = ?")
			.params(accountId, tokenHash)
			.update() == 1;
	}

	/** Ends the account's pending removal; true for the one caller that did. */
	boolean cancel(UUID accountId) {
		return jdbc.sql("delete from second_factor_removal where account_id = ?").param(accountId).update() == 1;
	}

	/** Accounts whose removal is due at {@code now} and whose holder was mailed. */
	List<UUID> due(Instant now, int limit) {
		return jdbc.sql(
				"select account_id from second_factor_removal where effective_at <= ? and cancel_token_hash is not null"
						+ " order by effective_at limit ?")
			.params(Timestamp.from(now), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Takes a due removal for carrying it out: true for exactly one caller, however many
	 * instances try at once (the row lock makes the others wait, then find nothing).
	 */
	boolean claimDue(UUID accountId, Instant now) {
		return jdbc
			.sql("delete from second_factor_removal where account_id = ? and effective_at <= ?"
					+ " and cancel_token_hash is not null")
			.params(accountId, Timestamp.from(now))
			.update() == 1;
	}

	private static PendingRemoval row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new PendingRemoval(rs.getObject("account_id", UUID.class), rs.getTimestamp("requested_at").toInstant(),
				rs.getTimestamp("effective_at").toInstant());
	}

}
