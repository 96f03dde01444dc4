package org.accountsecurity.operator.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.PersonalDataEraser;
import org.accountsecurity.audit.PersonalDataEraser.Erasure;
import org.accountsecurity.operator.web.AccountAudit.AccountExport;
import org.accountsecurity.requester.RequestOrigin;

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
	AccountExport export(@PathVariable UUID id) {
		return accountAudit.export(accounts.findById(id).orElseThrow(AccountNotFound::new));
	}

	@PostMapping("/api/v1/accounts/{id}/audit-erasure")
	ErasureResponse erase(@PathVariable UUID id, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		Account account = accounts.findById(id).orElseThrow(AccountNotFound::new);
		Erasure erasure = eraser.erase(account.id(), account.email(), operator.accountId(), RequestOrigin.of(http));
		return new ErasureResponse(account.id(), erasure.events(), erasure.eventId(),
				AuditEventResponse.iso(erasure.erasedAt()));
	}

	/**
	 * What an erasure did: how many events lost their personal data, and the event that
	 * records it.
	 */
	record ErasureResponse(UUID accountId, int erasedEvents, long eventId, String erasedAt) {
	}

}
