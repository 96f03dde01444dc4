package org.accountsecurity.account;

import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.audit.AccountIds;

import org.springframework.stereotype.Component;

/** Lets the audit trail find an account's id by a typed address, and nothing else. */
@Component
class AuditAccountIds implements AccountIds {

	private final Accounts accounts;

	AuditAccountIds(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<UUID> byEmail(String typedAddress) {
		return accounts.findByEmail(typedAddress).map(Account::id);
	}

}
