package org.accountsecurity.account;

import org.accountsecurity.requester.Pseudonyms;
import org.accountsecurity.ratelimit.ClientKey;
import org.accountsecurity.ratelimit.RateLimiter;
import org.accountsecurity.ratelimit.RateLimiter.Decision;
import org.accountsecurity.ratelimit.RateLimiter.Limit;

import org.springframework.stereotype.Component;

/**
 * Throttles failed sign-ins per typed address and per client address (NIST 800-63B
 * §3.2.2: at most 100). Keyed by the typed address, so the throttle behaves the same for
 * unknown and existing accounts, and it never locks the account: the reset path stays
 * open. Every attempt is counted before its password is checked (a check-then-count let
 * 40 parallel guesses through); clients are keyed by {@link ClientKey}. A browser with a
 * valid device cookie of the account counts in its own bucket instead of the address's
 * (per account and device, same limit), so that a flood of wrong passwords from elsewhere
 * does not refuse the holder's own browser (OWASP device cookies).
 */
@Component
class SignInThrottle {

	private final Limit perAccount;

	private final Limit perDevice;

	private final Limit perClient;

	private final RateLimiter limiter;

	private final Pseudonyms pseudonyms;

	SignInThrottle(SignInProperties properties, RateLimiter limiter, Pseudonyms pseudonyms) {
		this.perAccount = new Limit("signin-account", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
		this.perDevice = new Limit("signin-device", properties.perAccountLimit().requests(),
				properties.perAccountLimit().window());
		this.perClient = new Limit("signin-client", properties.perClientLimit().requests(),
				properties.perClientLimit().window());
		this.limiter = limiter;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * Takes a place under both limits before the password is checked, so that N parallel
	 * guesses get at most the limit of checks; refused when either limit is used up.
	 * {@code knownDevice} (null: none) is the account and device of a valid device cookie
	 * of the typed account: then its bucket (keyed by their SHA-256) is used instead of
	 * the address's.
	 */
	Reservation reserve(String typedEmail, String clientAddress, String knownDevice) {
		Reservation reservation = knownDevice == null
				? new Reservation(perAccount, pseudonyms.ofEmail(typedEmail), ClientKey.of(clientAddress))
				: new Reservation(perDevice, AccountSessions.fingerprint(knownDevice), ClientKey.of(clientAddress));
		Decision account = limiter.reserve(reservation.limit(), reservation.account());
		if (!account.allowed()) {
			throw new SignInThrottled(account.retryAfterSeconds());
		}
		Decision client = limiter.reserve(perClient, reservation.client());
		if (!client.allowed()) {
			limiter.release(reservation.limit(), reservation.account());
			throw new SignInThrottled(client.retryAfterSeconds());
		}
		return reservation;
	}

	/**
	 * A good password gives its places back: only failures use up the limits, and an
	 * account's own sign-ins never lock it out of the API.
	 */
	void succeeded(Reservation reservation) {
		limiter.release(reservation.limit(), reservation.account());
		limiter.release(perClient, reservation.client());
	}

	/**
	 * The places one attempt took: under the address's or the device's limit, and under
	 * the client's.
	 */
	record Reservation(Limit limit, String account, String client) {
	}

}
