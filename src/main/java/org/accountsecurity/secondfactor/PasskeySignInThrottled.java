package org.accountsecurity.secondfactor;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this client; refused before any passkey is checked. */
public class PasskeySignInThrottled extends AuthenticationException {

	private final long retryAfterSeconds;

	PasskeySignInThrottled(long retryAfterSeconds) {
		super("Too many failed sign-ins");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
