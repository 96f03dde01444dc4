package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.List;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.support.PostgresIntegrationTest;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V8 and Spring Security's JDBC stores on a real PostgreSQL: bytea keys, zoned
 * timestamps, the user entity tied to its account (and deleted with it), a use recorded
 * without bringing back a removed passkey.
 */
class PasskeyPostgresIntegrationTests extends PostgresIntegrationTest {

	static final Instant ADDED = Instant.parse("2026-05-01T08:00:00Z");

	@Autowired
	AccountService accountService;

	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;

	@Autowired
	UserCredentialRepository signInCredentials;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Test
	void passkeysAreStoredListedUsedAndRemovedOnPostgresql() {
		Account account = TestAccounts.create(accountService, Language.DE);
		TestPasskeys stored = new TestPasskeys(userEntities, jdbcTemplate);
		String id = stored.add(account, "Schlüssel", ADDED, ADDED);
		stored.add(account, "Zweiter", ADDED.plusSeconds(60), ADDED.plusSeconds(60));
		assertThat(passkeys.of(account.id())).extracting(Passkey::name, Passkey::addedAt, Passkey::lastUsedAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Schlüssel", ADDED, null),
					org.assertj.core.groups.Tuple.tuple("Zweiter", ADDED.plusSeconds(60), null));
		assertThat(jdbc.sql("select account_id from user_entities where name = ?")
			.param(account.id().toString())
			.query(java.util.UUID.class)
			.single()).isEqualTo(account.id());

		CredentialRecord record = signInCredentials.findByCredentialId(Bytes.fromBase64(id));
		Instant used = ADDED.plusSeconds(3600);
		signInCredentials
			.save(ImmutableCredentialRecord.fromCredentialRecord(record).lastUsed(used).signatureCount(7).build());
		assertThat(passkeys.of(account.id()).get(0).lastUsedAt()).isEqualTo(used);

		RequestOrigin origin = new RequestOrigin("192.0.2.1", "test", null);
		assertThat(passkeys.rename(account.id(), id, "Neu", origin)).isEqualTo(Passkeys.Status.DONE);
		assertThat(passkeys.remove(account.id(), id, TestAccounts.PASSWORD, origin)).isEqualTo(Passkeys.Status.DONE);
		// A sign-in that verified it just before the removal does not bring it back.
		signInCredentials.save(record);
		assertThat(passkeys.of(account.id())).extracting(Passkey::name).containsExactly("Zweiter");
		assertThat(passkeys.removeAll(account.id())).isEqualTo(1);
	}

	@Test
	void anAccountsPasskeysGoWithTheAccount() {
		Account account = TestAccounts.create(accountService, Language.EN);
		new TestPasskeys(userEntities, jdbcTemplate).add(account, "Key", ADDED, ADDED);
		jdbc.sql("delete from account where id = ?").param(account.id()).update();
		assertThat(jdbc.sql("select count(*) from user_entities where name = ?")
			.param(account.id().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from user_credentials").query(Long.class).single()).isZero();
	}

}
