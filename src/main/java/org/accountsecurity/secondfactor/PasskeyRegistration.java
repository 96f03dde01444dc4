package org.accountsecurity.secondfactor;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a passkey: the browser's answer to the creation options that Spring Security made
 * for this session ({@code POST /webauthn/register/options}), verified by Spring
 * Security's relying party (origin, relying party id, challenge, user verification) and
 * stored in its JDBC store. Needs a {@link PasskeyProofs recent proof}; at most
 * {@link #MAX_PASSKEYS} per account.
 */
@Service
public class PasskeyRegistration {

	static final int MAX_PASSKEYS = 20;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final WebAuthnRelyingPartyOperations operations;

	private final PasskeyProofs proofs;

	private final Passkeys passkeys;

	private final AuditLog audit;

	PasskeyRegistration(PublicKeyCredentialUserEntityRepository userEntities, JdbcTemplate jdbcTemplate,
			PasskeyRelyingParty relyingParty, PasskeyProofs proofs, Passkeys passkeys, AuditLog audit) {
		this.operations = PasskeyConfiguration.operations(userEntities, new JdbcUserCredentialRepository(jdbcTemplate),
				relyingParty);
		this.proofs = proofs;
		this.passkeys = passkeys;
		this.audit = audit;
	}

	/**
	 * Verifies and stores the passkey in {@code body}
	 * ({@code {"credential":…,"label":…}}, as {@code static/js/passkeys.js} sends it) for
	 * {@code options}, the creation options this session was given (already taken out of
	 * it: each is used once).
	 */
	public Status register(HttpSession session, UUID accountId, PublicKeyCredentialCreationOptions options, String body,
			RequestOrigin origin) {
		if (proofs.validUntil(session, accountId).isEmpty()) {
			return failed(Status.NO_PROOF, accountId, origin);
		}
		if (options == null || !accountId.toString().equals(options.getUser().getName())) {
			return failed(Status.NO_OPTIONS, accountId, origin);
		}
		Optional<RelyingPartyPublicKey> key = parse(body);
		if (key.isEmpty()) {
			return failed(Status.REFUSED, accountId, origin);
		}
		Optional<String> name = PasskeyName.clean(key.get().getLabel());
		if (name.isEmpty()) {
			return Status.INVALID_NAME;
		}
		if (passkeys.count(accountId) >= MAX_PASSKEYS) {
			return failed(Status.TOO_MANY, accountId, origin);
		}
		CredentialRecord record;
		try {
			record = operations.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
					new RelyingPartyPublicKey(key.get().getCredential(), name.get())));
		}
		catch (RuntimeException ex) {
			// Wrong origin, challenge or relying party, no user verification, a known
			// credential id: the message may name the credential, so it is not logged.
			return failed(Status.REFUSED, accountId, origin);
		}
		audit.record(AuditEntry.forAccount(AuditEventType.PASSKEY_REGISTERED, Outcome.SUCCESS, null, accountId, origin)
			.with("passkey", PasskeyReference.of(record.getCredentialId().toBase64UrlString())));
		return Status.REGISTERED;
	}

	private Optional<RelyingPartyPublicKey> parse(String body) {
		try {
			RelyingPartyPublicKey key = json.readValue(body, RelyingPartyPublicKey.class);
			return key == null || key.getCredential() == null ? Optional.empty() : Optional.of(key);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private Status failed(Status status, UUID accountId, RequestOrigin origin) {
		audit.record(AuditEntry.forAccount(AuditEventType.PASSKEY_REGISTERED, Outcome.FAILURE,
				status.name().toLowerCase(Locale.ROOT), accountId, origin));
		return status;
	}

	/** What a registration did. */
	public enum Status {

		REGISTERED, NO_PROOF, NO_OPTIONS, REFUSED, INVALID_NAME, TOO_MANY

	}

}
