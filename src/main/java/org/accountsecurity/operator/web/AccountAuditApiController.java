package org.accountsecurity.operator.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.PersonalDataEraser;
import org.accountsecurity.audit.PersonalDataEraser.Erasure;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests for programs (GDPR Art. 15 and 17, operators only): every audit
 * event about one account, and the erasure of its personal data from the trail.
 */
@RestController
class AccountAuditApiController {

	private final Accounts accounts;

	private final AccountAudit accountAudit;

	private final PersonalDataEraser eraser;

	AccountAuditApiController(Accounts accounts, AccountAudit accountAudit, PersonalDataEraser eraser) {
		this.accounts = accounts;
		this.accountAudit = accountAudit;
		this.eraser = eraser;
	}

	@GetMapping("/api/v1/accounts/{id}/audit-events")
	ResponseEntity<Object> export(@PathVariable UUID id) {
		return accounts.findById(id)
			.<ResponseEntity<Object>>map(account -> ResponseEntity.ok(accountAudit.export(account)))
			.orElseGet(AccountAuditApiController::notFound);
	}

	@PostMapping("/api/v1/accounts/{id}/audit-erasure")
	ResponseEntity<Object> erase(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		return accounts.findById(id).<ResponseEntity<Object>>map(account -> {
			Erasure erasure = eraser.erase(account.id(), account.email(), operator.accountId(), RequestOrigin.of(http));
			return ResponseEntity.ok(new ErasureResponse(account.id(), erasure.events(), erasure.eventId(),
					AuditEventResponse.iso(erasure.erasedAt())));
		}).orElseGet(AccountAuditApiController::notFound);
	}

	static ResponseEntity<Object> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
					"No account has this id."));
	}

	/**
	 * What an erasure did: how many events lost their personal data, and the event that
	 * records it.
	 */
	record ErasureResponse(UUID accountId, int erasedEvents, long eventId, String erasedAt) {
	}

}
