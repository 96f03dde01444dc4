package org.accountsecurity.passwordreset.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.passwordreset.OperatorResetOutcome;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.passwordreset.ResetLinkLimitReached;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{id}/password-reset} (operators): mails a reset link to
 * the account's stored address, asynchronously like every reset mail; 202 when queued,
 * {@link AccountNotFound} for an unknown account, {@link ResetLinkLimitReached} over the
 * operator's or the account's limit.
 */
@RestController
class OperatorResetApiController {

	private final PasswordResetService service;

	OperatorResetApiController(PasswordResetService service) {
		this.service = service;
	}

	@PostMapping("/api/v1/accounts/{id}/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	OperatorResetResponse send(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		OperatorResetOutcome outcome = service.requestByOperator(id, operator.accountId(), RequestOrigin.of(http))
			.orElseThrow(AccountNotFound::new);
		if (!outcome.sent()) {
			throw new ResetLinkLimitReached(outcome.limit(), outcome.retryAfterSeconds());
		}
		return new OperatorResetResponse("accepted", id, EmailAddress.mask(outcome.email()));
	}

	/** The link is on its way to the account's stored address, shown masked. */
	record OperatorResetResponse(String status, UUID accountId, String sentTo) {
	}

}
