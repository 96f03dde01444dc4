package org.accountsecurity.passwordreset.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{id}/password-reset} (operators): mails a reset link to
 * the account's stored address, asynchronously like every reset mail; 202 when queued, a
 * 404 problem for an unknown account.
 */
@RestController
class OperatorResetApiController {

	private final PasswordResetService service;

	OperatorResetApiController(PasswordResetService service) {
		this.service = service;
	}

	@PostMapping("/api/v1/accounts/{id}/password-reset")
	ResponseEntity<Object> send(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		return service.requestByOperator(id, operator.accountId(), RequestOrigin.of(http))
			.<ResponseEntity<Object>>map(
					email -> ResponseEntity.accepted().body(new Accepted("accepted", id, EmailAddress.mask(email))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
						"No account has this id.")));
	}

	/** The link is on its way to the account's stored address, shown masked. */
	record Accepted(String status, UUID accountId, String sentTo) {
	}

}
