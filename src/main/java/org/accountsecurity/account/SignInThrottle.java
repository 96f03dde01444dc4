package org.accountsecurity.account;

import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Component;

/**
 * Throttles failed sign-ins per typed address and per client address (NIST 800-63B
 * §3.2.2: at most 100). Keyed by the typed address, so the throttle behaves the same for
 * unknown and existing accounts, and it never locks the account: the reset path stays
 * open.
 */
@Component
class SignInThrottle {

	private final Limit perAccount;

	private final Limit perClient;

	private final RateLimiter limiter;

	private final Pseudonyms pseudonyms;

	SignInThrottle(SignInProperties properties, RateLimiter limiter, Pseudonyms pseudonyms) {
		this.perAccount = new Limit("signin-account", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
		this.perClient = new Limit("signin-client", properties.perClientLimit().requests(),
				properties.perClientLimit().window());
		this.limiter = limiter;
		this.pseudonyms = pseudonyms;
	}

	Decision check(String typedEmail, String clientAddress) {
		Decision account = limiter.check(perAccount, pseudonyms.ofEmail(typedEmail));
		return account.allowed() ? limiter.check(perClient, String.valueOf(clientAddress)) : account;
	}

	void failed(String typedEmail, String clientAddress) {
		limiter.hit(perAccount, pseudonyms.ofEmail(typedEmail));
		limiter.hit(perClient, String.valueOf(clientAddress));
	}

}
