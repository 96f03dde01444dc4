package org.accountsecurity.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest agreement each account accepted (table {@code dpa_acceptance}). */
@Repository
class DpaAcceptances {

	private final JdbcClient jdbc;

	DpaAcceptances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<DpaAcceptance> find(UUID accountId) {
		return jdbc.sql("select version, accepted_at from dpa_acceptance where account_id = ?")
			.param(accountId)
			.query((rs, row) -> new DpaAcceptance(rs.getString("version"), rs.getTimestamp("accepted_at").toInstant()))
			.optional();
	}

	/**
	 * Replaces the account's acceptance. A parallel first acceptance may make the insert
	 * fail on the primary key; the caller retries its transaction, which then updates.
	 */
	void save(UUID accountId, DpaAcceptance acceptance) {
		Timestamp at = Timestamp.from(acceptance.acceptedAt());
		int updated = jdbc.sql("update dpa_acceptance set version = ?, accepted_at = ? where account_id = ?")
			.params(acceptance.version(), at, accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into dpa_acceptance (account_id, version, accepted_at) values (?, ?, ?)")
				.params(accountId, acceptance.version(), at)
				.update();
		}
	}

}
