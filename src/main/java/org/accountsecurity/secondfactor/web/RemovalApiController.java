package org.accountsecurity.secondfactor.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.secondfactor.NoSecondFactor;
import org.accountsecurity.secondfactor.SecondFactorRemovals;
import org.accountsecurity.secondfactor.SecondFactorRemovals.Requested;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/accounts/{id}/second-factors/removal} (operators): asks for the
 * removal of the account's second factors. 202 with the pending removal, also when one
 * was pending already ({@code created} false, no second mail); 404 for an unknown
 * account; 409 {@code no-second-factor} when it has none.
 */
@RestController
class RemovalApiController {

	private final SecondFactorRemovals removals;

	RemovalApiController(SecondFactorRemovals removals) {
		this.removals = removals;
	}

	@PostMapping("/api/v1/accounts/{id}/second-factors/removal")
	ResponseEntity<Object> request(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		try {
			Requested requested = removals.request(id, operator.accountId(), RequestOrigin.of(http));
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new RemovalResponse(id, requested.removal().requestedAt(), requested.removal().effectiveAt(),
						requested.created()));
		}
		catch (NoSecondFactor ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Problems.of(HttpStatus.CONFLICT, "no-second-factor", "No second factor",
						"The account has no second factor to remove."));
		}
		catch (AccountNotFound ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
						"No account has this id."));
		}
	}

	/**
	 * The pending removal; {@code created} false when it was pending before this call.
	 */
	record RemovalResponse(UUID accountId, Instant requestedAt, Instant effectiveAt, boolean created) {
	}

}
