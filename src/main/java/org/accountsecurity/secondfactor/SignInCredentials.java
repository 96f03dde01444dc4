package org.accountsecurity.secondfactor;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The passkeys as Spring Security's sign-in and options filters see them: its JDBC store,
 * except that {@link #save} only records a use (signature counter, last used) on a row
 * that still exists. Spring Security's own save inserts when its update finds no row, so
 * a passkey removed while someone signs in with it would come back; and it writes every
 * column, so a rename in the meantime would be lost. New passkeys are stored only by
 * {@link PasskeyRegistration}, through the plain JDBC store.
 */
final class SignInCredentials implements UserCredentialRepository {

	private final JdbcUserCredentialRepository delegate;

	private final JdbcClient jdbc;

	SignInCredentials(JdbcUserCredentialRepository delegate, JdbcClient jdbc) {
		this.delegate = delegate;
		this.jdbc = jdbc;
	}

	@Override
	public void delete(Bytes credentialId) {
		delegate.delete(credentialId);
	}

	@Override
	public void save(CredentialRecord record) {
		jdbc.sql("update user_credentials set signature_count = ?, last_used = ? where credential_id = ?")
			.params(record.getSignatureCount(),
					record.getLastUsed() == null ? null : Timestamp.from(record.getLastUsed()),
					record.getCredentialId().toBase64UrlString())
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return delegate.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return delegate.findByUserId(userId);
	}

}
