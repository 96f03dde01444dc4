package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An account's second factors by kind and the time each was added, for the holder's own
 * data download; never a secret or a code's hash.
 */
@Service
public class SecondFactorInventory {

	private final JdbcClient jdbc;

	private final Passkeys passkeys;

	SecondFactorInventory(JdbcClient jdbc, Passkeys passkeys) {
		this.jdbc = jdbc;
		this.passkeys = passkeys;
	}

	/**
	 * TOTP first, then the current set of recovery codes with how many are unused, then
	 * each passkey (by kind and date: its name and id stay on the passkeys page).
	 */
	public List<Factor> of(UUID accountId) {
		List<Factor> factors = new ArrayList<>();
		jdbc.sql("select enrolled_at from totp_credential where account_id = ?")
			.param(accountId)
			.query((rs, row) -> new Factor(AccountSecondFactors.TOTP, rs.getTimestamp("enrolled_at").toInstant(), null))
			.optional()
			.ifPresent(factors::add);
		jdbc.sql("select min(created_at) as created_at, count(*) - count(used_at) as unused from recovery_code "
				+ "where account_id = ? having count(*) > 0")
			.param(accountId)
			.query((rs, row) -> new Factor("recovery-codes", rs.getTimestamp("created_at").toInstant(),
					rs.getInt("unused")))
			.optional()
			.ifPresent(factors::add);
		passkeys.of(accountId)
			.forEach(passkey -> factors.add(new Factor(AccountSecondFactors.PASSKEY, passkey.addedAt(), null)));
		return factors;
	}

	/**
	 * One second factor: its kind, when it was added, and for recovery codes how many are
	 * left (null otherwise).
	 */
	public record Factor(String kind, Instant addedAt, Integer unused) {
	}

}
