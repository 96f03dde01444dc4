package org.accountsecurity.account.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.AccountLockdowns;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.account.SecondFactorRemovalStatus;
import org.accountsecurity.account.SecondFactorRemovalStatus.PendingRemoval;
import org.accountsecurity.account.SecondFactorStatus;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators open accounts for users ({@code POST /api/v1/accounts}) and look one up
 * ({@code GET /api/v1/accounts/{id}}).
 */
@RestController
class AccountApiController {

	private final AccountService service;

	private final Accounts accounts;

	private final SecondFactorStatus secondFactors;

	private final AccountLockdowns lockdowns;

	private final SecondFactorRemovalStatus removals;

	AccountApiController(AccountService service, Accounts accounts, SecondFactorStatus secondFactors,
			AccountLockdowns lockdowns, SecondFactorRemovalStatus removals) {
		this.removals = removals;
		this.service = service;
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.lockdowns = lockdowns;
	}

	/** One account, with the kinds of its second factors (never a secret). */
	@GetMapping("/api/v1/accounts/{id}")
	ResponseEntity<Object> show(@PathVariable UUID id) {
		return accounts.findById(id)
			.<ResponseEntity<Object>>map(account -> ResponseEntity.ok(AccountResponse.of(account,
					secondFactors.of(id).kinds(), removals.of(id).map(RemovalResponse::of).orElse(null),
					lockdowns.lockedDownAt(id).orElse(null))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
						"No account has this id.")));
	}

	@PostMapping(path = "/api/v1/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AccountResponse create(@RequestBody CreateAccountRequest request, @AuthenticationPrincipal AccountUser operator,
			HttpServletRequest http) {
		Language language = request.language() == null ? Language.EN
				: Language.fromCode(request.language()).orElse(null);
		Account account = service.create(
				new NewAccount(request.email(), request.displayName(), language, request.password(), Set.of(Role.USER)),
				AuditEntry.operator(operator.accountId()), RequestOrigin.of(http));
		return AccountResponse.of(account, secondFactors.of(account.id()).kinds(), null, null);
	}

	/**
	 * A new account; without {@code password} the holder sets one through a reset link.
	 */
	record CreateAccountRequest(String email, String displayName, String language, String password) {
	}

	/**
	 * An account as the API shows it: never a hash, of its second factors only the kinds,
	 * an operator's pending removal of them (null when none), and since when its holder
	 * has locked it down (null: not locked).
	 */
	record AccountResponse(UUID id, String email, String displayName, String language, Set<Role> roles,
			Instant createdAt, List<String> secondFactors, RemovalResponse secondFactorRemoval, Instant lockedDownAt) {

		static AccountResponse of(Account account, List<String> secondFactors, RemovalResponse removal,
				Instant lockedDownAt) {
			return new AccountResponse(account.id(), account.email(), account.displayName(), account.language().code(),
					account.roles(), account.createdAt(), secondFactors, removal, lockedDownAt);
		}

	}

	/** A pending removal of the second factors: asked for, and when it takes effect. */
	record RemovalResponse(Instant requestedAt, Instant effectiveAt) {

		static RemovalResponse of(PendingRemoval removal) {
			return new RemovalResponse(removal.requestedAt(), removal.effectiveAt());
		}

	}

}
