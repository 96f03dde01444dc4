package org.accountsecurity.passwordreset;

/**
 * A client tried too many reset links in a window; it may retry after the given seconds.
 */
public class TooManyAttempts extends RuntimeException {

	private final long retryAfterSeconds;

	public TooManyAttempts(long retryAfterSeconds) {
		super("Too many attempts");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
