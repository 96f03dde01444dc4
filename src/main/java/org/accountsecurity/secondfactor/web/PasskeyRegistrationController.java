package org.accountsecurity.secondfactor.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.PasskeyRegistration;
import org.accountsecurity.secondfactor.PasskeyRegistration.Status;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /account/security/passkeys} (JSON, CSRF header): the browser's new passkey,
 * answering the creation options Spring Security's
 * {@code POST /webauthn/register/options} left in this session. Replaces Spring
 * Security's {@code POST /webauthn/register}, which would store a passkey without the
 * proof, name check and audit of {@link PasskeyRegistration}.
 */
@RestController
class PasskeyRegistrationController {

	private final PublicKeyCredentialCreationOptionsRepository options = new HttpSessionPublicKeyCredentialCreationOptionsRepository();

	private final PasskeyRegistration registration;

	PasskeyRegistrationController(PasskeyRegistration registration) {
		this.registration = registration;
	}

	@PostMapping(path = "/account/security/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PasskeyRegistrationResponse> register(@AuthenticationPrincipal AccountUser user,
			@RequestBody String body, HttpServletRequest request, HttpServletResponse response) {
		// Each set of options answers once.
		PublicKeyCredentialCreationOptions offered = options.load(request);
		options.save(request, response, null);
		Status status = registration.register(request.getSession(), user.accountId(), offered, body,
				RequestOrigin.of(request));
		int code = switch (status) {
			case REGISTERED -> 201;
			case NO_PROOF -> 403;
			case TOO_MANY -> 409;
			default -> 400;
		};
		return ResponseEntity.status(code)
			.body(new PasskeyRegistrationResponse(status == Status.REGISTERED, status.name().toLowerCase(Locale.ROOT)));
	}

	/** Whether the passkey was added, and the outcome as a code for the script. */
	record PasskeyRegistrationResponse(boolean registered, String outcome) {
	}

}
