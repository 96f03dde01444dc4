package org.accountsecurity.account;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this address or client; refused before any password check.
 */
public class SignInThrottled extends AuthenticationException {

	private final long retryAfterSeconds;

	SignInThrottled(long retryAfterSeconds) {
		super("Too many failed sign-ins");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
