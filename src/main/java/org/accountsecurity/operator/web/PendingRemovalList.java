package org.accountsecurity.operator.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.SecondFactorRemovalStatus;
import org.accountsecurity.account.SecondFactorRemovalStatus.PendingRemoval;
import org.accountsecurity.account.SecondFactorStatus;

import org.springframework.stereotype.Component;

/**
 * What the audit console shows of second factors: an account's kinds and pending removal,
 * and every pending removal (the next due first) with its account's address.
 */
@Component
class PendingRemovalList {

	static final int SHOWN = 50;

	private final SecondFactorRemovalStatus removals;

	private final SecondFactorStatus secondFactors;

	private final Accounts accounts;

	PendingRemovalList(SecondFactorRemovalStatus removals, SecondFactorStatus secondFactors, Accounts accounts) {
		this.removals = removals;
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	List<String> secondFactors(UUID accountId) {
		return secondFactors.of(accountId).kinds();
	}

	PendingRemoval of(UUID accountId) {
		return removals.of(accountId).orElse(null);
	}

	List<Row> all() {
		return removals.all(SHOWN)
			.stream()
			.map(r -> new Row(r.accountId(), accounts.findById(r.accountId()).map(Account::email).orElse(null),
					r.requestedAt(), r.effectiveAt()))
			.toList();
	}

	/** One pending removal as the console lists it. */
	record Row(UUID accountId, String email, Instant requestedAt, Instant effectiveAt) {
	}

}
