package org.accountsecurity.account.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Account.Role;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Language;
import org.accountsecurity.account.NewAccount;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators open accounts for users: {@code POST /api/v1/accounts}. */
@RestController
class AccountApiController {

	private final AccountService service;

	AccountApiController(AccountService service) {
		this.service = service;
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
		return AccountResponse.of(account);
	}

	/**
	 * A new account; without {@code password} the holder sets one through a reset link.
	 */
	record CreateAccountRequest(String email, String displayName, String language, String password) {
	}

	/** An account as the API shows it: never a hash. */
	record AccountResponse(UUID id, String email, String displayName, String language, Set<Role> roles,
			Instant createdAt) {

		static AccountResponse of(Account account) {
			return new AccountResponse(account.id(), account.email(), account.displayName(), account.language().code(),
					account.roles(), account.createdAt());
		}

	}

}
