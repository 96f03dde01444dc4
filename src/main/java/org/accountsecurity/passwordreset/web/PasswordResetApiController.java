package org.accountsecurity.passwordreset.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.accountsecurity.password.PasswordRefused;
import org.accountsecurity.passwordreset.PasswordChangeService;
import org.accountsecurity.passwordreset.PasswordChangeService.ChangeResult;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.passwordreset.ResetLinkService;
import org.accountsecurity.passwordreset.ResetLinkState;
import org.accountsecurity.passwordreset.ResetLinkUnusable;
import org.accountsecurity.passwordreset.ResetRequestOutcome;
import org.accountsecurity.passwordreset.ResetTokens.Check;
import org.accountsecurity.passwordreset.TooManyResetRequests;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.system.MalformedField;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reset flow for programs (docs/flows.md, JSON API). Each field must be one string
 * (see {@link SingleString}): an array, object, number or null where a string belongs is
 * a 400, so one request can never name two recipients. What goes wrong is thrown as a
 * fact, which the API's one advice answers as a problem.
 */
@RestController
class PasswordResetApiController {

	private final PasswordResetService resets;

	private final ResetLinkService links;

	private final PasswordChangeService changes;

	PasswordResetApiController(PasswordResetService resets, ResetLinkService links, PasswordChangeService changes) {
		this.resets = resets;
		this.links = links;
		this.changes = changes;
	}

	@PostMapping(path = "/api/v1/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	PasswordResetResponse request(@RequestBody PasswordResetRequest request, HttpServletRequest http) {
		String email = EmailAddress.parse(request.email())
			.orElseThrow(() -> new MalformedField("email", "one e-mail address string"));
		ResetRequestOutcome outcome = resets.requestForgotten(email, RequestOrigin.of(http));
		if (outcome.clientLimited()) {
			throw new TooManyResetRequests(outcome.retryAfterSeconds());
		}
		return PasswordResetResponse.ACCEPTED;
	}

	@PostMapping(path = "/api/v1/password-resets/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	VerifyResetResponse verify(@RequestBody VerifyResetRequest request, HttpServletRequest http) {
		Check check = usable(links.open(request.token(), RequestOrigin.of(http)));
		return new VerifyResetResponse(true, check.pending().expiresAt());
	}

	@PostMapping(path = "/api/v1/password-resets/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@RequestBody CompleteResetRequest request, HttpServletRequest http) {
		RequestOrigin origin = RequestOrigin.of(http);
		Check check = usable(links.check(request.token(), origin));
		ChangeResult result = changes.complete(check.pending(), request.newPassword(), request.newPassword(), origin);
		if (!result.violations().isEmpty()) {
			throw new PasswordRefused(result.violations());
		}
		if (!result.changed()) {
			throw new ResetLinkUnusable(result.linkState());
		}
	}

	private static Check usable(Check check) {
		if (check.state() != ResetLinkState.VALID) {
			throw new ResetLinkUnusable(check.state());
		}
		return check;
	}

	/** Asks for a reset link to be mailed to the account with this address, if any. */
	record PasswordResetRequest(@Schema(requiredMode = RequiredMode.REQUIRED,
			example = "ada@example.com") @JsonDeserialize(using = SingleString.class) String email) {

		PasswordResetRequest {
			SingleString.require("email", email);
		}

	}

	/** The same answer whether or not the address has an account. */
	record PasswordResetResponse(String status, String message) {

		static final PasswordResetResponse ACCEPTED = new PasswordResetResponse("accepted",
				"If an account has this address, a reset link is on its way to it.");

	}

	/** Asks whether the token from a reset link can still be used. */
	record VerifyResetRequest(
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonDeserialize(using = SingleString.class) String token) {

		VerifyResetRequest {
			SingleString.require("token", token);
		}

	}

	/** The link can be used until {@code expiresAt}. */
	record VerifyResetResponse(boolean valid, Instant expiresAt) {
	}

	/** Sets a new password with the token from a reset link. */
	record CompleteResetRequest(
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonDeserialize(using = SingleString.class) String token,
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonDeserialize(
					using = SingleString.class) String newPassword) {

		CompleteResetRequest {
			SingleString.require("token", token);
			SingleString.require("newPassword", newPassword);
		}

	}

}
