package org.accountsecurity.secondfactor;

import java.time.Instant;
import java.util.Set;

import org.accountsecurity.account.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * Passkeys stored as a registration would store them, without an authenticator: for the
 * tests of the list, renaming and removal (the browser test registers real ones).
 */
final class TestPasskeys {

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final JdbcUserCredentialRepository credentials;

	TestPasskeys(PublicKeyCredentialUserEntityRepository userEntities, JdbcTemplate jdbc) {
		this.userEntities = userEntities;
		this.credentials = new JdbcUserCredentialRepository(jdbc);
	}

	/** Stores a passkey of {@code account}; returns its credential id (base64url). */
	String add(Account account, String label, Instant created, Instant lastUsed) {
		PublicKeyCredentialUserEntity user = userEntities.findByUsername(account.id().toString());
		if (user == null) {
			user = ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.random())
				.name(account.id().toString())
				.displayName(account.id().toString())
				.build();
			userEntities.save(user);
		}
		Bytes id = Bytes.random();
		credentials.save(ImmutableCredentialRecord.builder()
			.credentialId(id)
			.userEntityUserId(user.getId())
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.publicKey(new ImmutablePublicKeyCose(Bytes.random().getBytes()))
			.signatureCount(0)
			.uvInitialized(true)
			.backupEligible(false)
			.backupState(false)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.label(label)
			.created(created)
			.lastUsed(lastUsed)
			.build());
		return id.toBase64UrlString();
	}

}
