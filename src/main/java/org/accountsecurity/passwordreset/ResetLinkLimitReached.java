package org.accountsecurity.passwordreset;

import org.accountsecurity.passwordreset.OperatorResetOutcome.Limit;

/**
 * An operator's reset link was held back: the account received, or the operator sent, its
 * limit of links in the window; no link went out.
 */
public class ResetLinkLimitReached extends RuntimeException {

	private final Limit limit;

	private final long retryAfterSeconds;

	public ResetLinkLimitReached(Limit limit, long retryAfterSeconds) {
		super("Reset link limit reached: " + limit.reason());
		this.limit = limit;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public Limit limit() {
		return limit;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
