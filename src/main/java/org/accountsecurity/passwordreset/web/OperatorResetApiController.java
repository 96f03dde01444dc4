package org.accountsecurity.passwordreset.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.passwordreset.OperatorResetOutcome;
import org.accountsecurity.passwordreset.PasswordResetService;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{id}/password-reset} (operators): mails a reset link to
 * the account's stored address, asynchronously like every reset mail; 202 when queued, a
 * 404 problem for an unknown account, a 429 problem with Retry-After over the operator's
 * or the account's limit.
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
			.<ResponseEntity<Object>>map(outcome -> outcome.sent()
					? ResponseEntity.accepted().body(new Accepted("accepted", id, EmailAddress.mask(outcome.email())))
					: limited(outcome))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
						"No account has this id.")));
	}

	private static ResponseEntity<Object> limited(OperatorResetOutcome outcome) {
		String detail = outcome.limit() == OperatorResetOutcome.Limit.PER_ACCOUNT
				? "This account has been sent its limit of reset links for now; no link was sent."
				: "You have sent your limit of reset links for now; no link was sent.";
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				detail + " Retry after the given seconds.");
		problem.setProperty("limit", outcome.limit().reason());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(outcome.retryAfterSeconds()))
			.body(problem);
	}

	/** The link is on its way to the account's stored address, shown masked. */
	record Accepted(String status, UUID accountId, String sentTo) {
	}

}
