package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account's TOTP secret, encrypted ({@link SecretCipher}); the plain secret exists
 * only in memory while a code is checked.
 */
@Repository
class TotpCredentials {

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	TotpCredentials(JdbcClient jdbc, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** Stores the secret unless the account already has one; says whether it did. */
	boolean enrol(UUID accountId, byte[] secret, Instant now) {
		if (exists(accountId)) {
			return false;
		}
		try {
			return jdbc.sql("insert into totp_credential (account_id, secret, enrolled_at) values (?, ?, ?)")
				.params(accountId, cipher.encrypt(secret, purpose(accountId)), java.sql.Timestamp.from(now))
				.update() == 1;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Locks the account's TOTP row until the transaction ends, so that changes of its
	 * factors (new recovery codes, turning it off) run one after the other; false without
	 * TOTP.
	 */
	boolean lock(UUID accountId) {
		return !jdbc.sql("select account_id from totp_credential where account_id = ? for update")
			.param(accountId)
			.query()
			.listOfRows()
			.isEmpty();
	}

	boolean exists(UUID accountId) {
		return jdbc.sql("select count(*) from totp_credential where account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** The plain secret, or empty without an enrolment (or with one no key can read). */
	Optional<byte[]> secret(UUID accountId) {
		return jdbc.sql("select secret from totp_credential where account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map(stored -> cipher.decrypt(stored, purpose(accountId)));
	}

	boolean remove(UUID accountId) {
		return jdbc.sql("delete from totp_credential where account_id = ?").param(accountId).update() == 1;
	}

	private static String purpose(UUID accountId) {
		return "totp:" + accountId;
	}

}
