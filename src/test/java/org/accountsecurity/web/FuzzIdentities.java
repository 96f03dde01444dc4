package org.accountsecurity.web;

import java.time.Clock;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Language;
import org.accountsecurity.support.TestAccounts;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who a fuzzed request comes from: nobody, a user or an operator (fresh accounts, made
 * once per run), signed in as a session of theirs would be.
 */
final class FuzzIdentities {

	private final Account user;

	private final Account operator;

	private final Clock clock;

	FuzzIdentities(AccountService accounts, Clock clock) {
		this.user = TestAccounts.create(accounts, Language.PL);
		this.operator = TestAccounts.operator(accounts);
		this.clock = clock;
	}

	/** 0: anonymous, 1: the user, 2: the operator. */
	RequestPostProcessor as(int who) {
		return switch (who) {
			case 1 -> user(new AccountUser(user, clock.instant()));
			case 2 -> user(new AccountUser(operator, clock.instant()));
			default -> (request) -> request;
		};
	}

	String userId() {
		return user.id().toString();
	}

	String operatorId() {
		return operator.id().toString();
	}

}
