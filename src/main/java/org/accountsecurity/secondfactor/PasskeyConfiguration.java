package org.accountsecurity.secondfactor;

import java.util.Set;

import org.accountsecurity.system.PublicBaseUrl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying party over its JDBC stores. Both ceremonies require
 * user verification (a PIN or biometric on the authenticator): a passkey then counts as
 * both factors. Creation asks for a discoverable credential, so that sign-in needs no
 * address.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	/**
	 * What Spring Security's filters use (options, sign-in); the only bean of its type,
	 * as {@code http.webAuthn()} looks it up by type.
	 */
	@Bean
	UserCredentialRepository signInCredentials(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		return new SignInCredentials(new JdbcUserCredentialRepository(jdbcTemplate), jdbc);
	}

	@Bean
	PasskeyRelyingParty passkeyRelyingParty(PublicBaseUrl base) {
		return PasskeyRelyingParty.of(base);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingPartyOperations(PublicKeyCredentialUserEntityRepository userEntities,
			UserCredentialRepository signInCredentials, PasskeyRelyingParty relyingParty) {
		return operations(userEntities, signInCredentials, relyingParty);
	}

	/** The same relying party over another credential store. */
	static Webauthn4JRelyingPartyOperations operations(PublicKeyCredentialUserEntityRepository userEntities,
			UserCredentialRepository credentials, PasskeyRelyingParty relyingParty) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
				PublicKeyCredentialRpEntity.builder().id(relyingParty.id()).name(PasskeyRelyingParty.NAME).build(),
				Set.of(relyingParty.origin()));
		operations.setCustomizeCreationOptions(
				options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build()));
		operations
			.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

}
