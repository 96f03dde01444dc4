package org.accountsecurity.account;

import java.time.Duration;

import org.accountsecurity.audit.Pseudonyms;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Component;

/**
 * Throttles failed sign-ins per typed address and per client address (NIST 800-63B §3.2.2: at most 100).
 * Keyed by the typed address, so the throttle behaves the same for unknown and existing accounts, and it
 * never locks the account: the reset path stays open.
 */
@Component
class SignInThrottle {

	static final Limit PER_ACCOUNT = new Limit("signin-account", 10, Duration.ofMinutes(15));

	static final Limit PER_CLIENT = new Limit("signin-client", 50, Duration.ofMinutes(15));

	private final RateLimiter limiter;

	private final Pseudonyms pseudonyms;

	SignInThrottle(RateLimiter limiter, Pseudonyms pseudonyms) {
		this.limiter = limiter;
		this.pseudonyms = pseudonyms;
	}

	Decision check(String typedEmail, String clientAddress) {
		Decision account = limiter.check(PER_ACCOUNT, pseudonyms.ofEmail(typedEmail));
		return account.allowed() ? limiter.check(PER_CLIENT, String.valueOf(clientAddress)) : account;
	}

	void failed(String typedEmail, String clientAddress) {
		limiter.hit(PER_ACCOUNT, pseudonyms.ofEmail(typedEmail));
		limiter.hit(PER_CLIENT, String.valueOf(clientAddress));
	}

}
