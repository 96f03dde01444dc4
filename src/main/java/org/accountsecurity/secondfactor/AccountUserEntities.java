package org.accountsecurity.secondfactor;

import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's JDBC store of WebAuthn user entities, tied to our accounts: the name
 * is the account id (the principal name), and a new entity gets the account's display
 * name and a real reference to the account ({@code user_entities.account_id}, deleted
 * with it). The user handle ({@code id}) stays Spring Security's random value. Two
 * statements, not one transaction: on PostgreSQL a duplicate key would spoil the whole
 * transaction.
 */
@Component
class AccountUserEntities implements PublicKeyCredentialUserEntityRepository {

	private final JdbcPublicKeyCredentialUserEntityRepository delegate;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	AccountUserEntities(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Accounts accounts) {
		this.delegate = new JdbcPublicKeyCredentialUserEntityRepository(jdbcTemplate);
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return delegate.findById(id);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return delegate.findByUsername(username);
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		Optional<Account> account = accountOf(userEntity.getName());
		PublicKeyCredentialUserEntity named = account
			.<PublicKeyCredentialUserEntity>map(a -> ImmutablePublicKeyCredentialUserEntity.builder()
				.id(userEntity.getId())
				.name(userEntity.getName())
				.displayName(a.displayName())
				.build())
			.orElse(userEntity);
		try {
			delegate.save(named);
		}
		catch (DuplicateKeyException ex) {
			// A parallel request made the account's entity first: that one stays.
			return;
		}
		account.ifPresent(a -> jdbc.sql("update user_entities set account_id = ? where id = ?")
			.params(a.id(), userEntity.getId().toBase64UrlString())
			.update());
	}

	@Override
	public void delete(Bytes id) {
		delegate.delete(id);
	}

	private Optional<Account> accountOf(String name) {
		try {
			return accounts.findById(UUID.fromString(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
