package org.accountsecurity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.password.PasswordProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL store of accounts and their password history. */
@Repository
public class Accounts {

	private static final String COLUMNS = "id, email, display_name, language, password_hash, roles, credential_version, "
			+ "created_at, updated_at, password_changed_at";

	private final JdbcClient jdbc;

	private final int historySize;

	Accounts(JdbcClient jdbc, PasswordProperties passwords) {
		this.jdbc = jdbc;
		this.historySize = passwords.history();
	}

	public Optional<Account> findByEmail(String typedAddress) {
		return jdbc.sql("select " + COLUMNS + " from account where email_key = ?")
			.param(EmailAddress.key(typedAddress))
			.query(Accounts::map)
			.optional();
	}

	public Optional<Account> findById(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id).query(Accounts::map).optional();
	}

	/**
	 * The account's credential version, by primary key: what every signed-in request is
	 * checked against.
	 */
	public Optional<Long> credentialVersion(UUID id) {
		return jdbc.sql("select credential_version from account where id = ?").param(id).query(Long.class).optional();
	}

	public boolean anyWithRole(Role role) {
		return jdbc.sql("select count(*) from account where roles like ?")
			.param("%" + role.name() + "%")
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts; fails with a DuplicateKeyException when the address's key is taken. */
	public void insert(Account account) {
		jdbc.sql("insert into account (" + COLUMNS + ", email_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(account.id(), account.email(), account.displayName(), account.language().code(),
					account.passwordHash(), roles(account), account.credentialVersion(), ts(account.createdAt()),
					ts(account.updatedAt()), ts(account.passwordChangedAt()), EmailAddress.key(account.email()))
			.update();
	}

	/**
	 * Sets a new password hash, keeps the old one in the history (only the newest
	 * {@code app.password.history} there: an old hash is a liability, not a safeguard)
	 * and bumps the credential version, which invalidates every reset link issued and
	 * every session signed in before. Returns the new credential version.
	 */
	public long changePassword(UUID id, String newHash, Instant now) {
		jdbc.sql("insert into password_history (account_id, password_hash, replaced_at) "
				+ "select id, password_hash, ? from account where id = ?")
			.params(ts(now), id)
			.update();
		jdbc.sql("delete from password_history where account_id = ? and replaced_at not in (select replaced_at from "
				+ "password_history where account_id = ? order by replaced_at desc limit ?)")
			.params(id, id, historySize)
			.update();
		// A new password also ends a holder's lockdown: only a reset link sets one.
		jdbc.sql("update account set password_hash = ?, credential_version = credential_version + 1, "
				+ "password_changed_at = ?, updated_at = ?, locked_down_at = null where id = ?")
			.params(newHash, ts(now), ts(now), id)
			.update();
		return jdbc.sql("select credential_version from account where id = ?").param(id).query(Long.class).single();
	}

	/**
	 * Replaces the hash with an equivalent stronger one (same password), as after a cost
	 * increase, but only while {@code replacedHash} is still the stored one: a sign-in
	 * that checked the old password must not write it back over a change that committed
	 * meanwhile. Returns whether it did.
	 */
	public boolean upgradeHash(UUID id, String replacedHash, String newHash) {
		return jdbc.sql("update account set password_hash = ? where id = ? and password_hash = ?")
			.params(newHash, id, replacedHash)
			.update() == 1;
	}

	public void updateProfile(UUID id, String displayName, Language language, Instant now) {
		jdbc.sql("update account set display_name = ?, language = ?, updated_at = ? where id = ?")
			.params(displayName, language.code(), ts(now), id)
			.update();
	}

	/** The current hash first, then the newest earlier ones, {@code limit} in all. */
	public List<String> recentPasswordHashes(UUID id, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc
			.sql("select password_hash from (select password_hash, 0 as p, password_changed_at as t from account "
					+ "where id = ? union all select password_hash, 1 as p, replaced_at as t from password_history "
					+ "where account_id = ?) h order by p, t desc limit ?")
			.params(id, id, limit)
			.query(String.class)
			.list();
	}

	private static String roles(Account account) {
		return account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Language.fromCode(rs.getString("language")).orElse(Language.EN), rs.getString("password_hash"),
				Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).collect(Collectors.toSet()),
				rs.getLong("credential_version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant());
	}

}
