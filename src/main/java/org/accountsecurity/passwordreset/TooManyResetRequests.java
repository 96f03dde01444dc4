package org.accountsecurity.passwordreset;

/**
 * A client asked for too many reset links in a window; it may retry after the given
 * seconds.
 */
public class TooManyResetRequests extends RuntimeException {

	private final long retryAfterSeconds;

	public TooManyResetRequests(long retryAfterSeconds) {
		super("Too many reset requests");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
