package org.accountsecurity.secondfactor;

import java.util.UUID;

import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Component;

/**
 * Limits second-factor attempts per account and per client address. Every attempt is
 * counted (one atomic increment each) before any code or password is checked, so N
 * parallel guesses get at most the limit checked. Per account means per proven password:
 * nobody without the password can use up an account's attempts.
 */
@Component
class SecondFactorThrottle {

	private final Limit perAccount;

	private final Limit perClient;

	private final RateLimiter limiter;

	SecondFactorThrottle(SecondFactorProperties properties, RateLimiter limiter) {
		this.perAccount = new Limit("second-factor-account", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
		this.perClient = new Limit("second-factor-client", properties.perClientLimit().requests(),
				properties.perClientLimit().window());
		this.limiter = limiter;
	}

	/** Counts one attempt; allowed only while both counters are within their limits. */
	Decision attempt(UUID accountId, String clientAddress) {
		Decision account = limiter.hit(perAccount, accountId.toString());
		Decision client = limiter.hit(perClient, String.valueOf(clientAddress));
		return account.allowed() ? client : account;
	}

}
