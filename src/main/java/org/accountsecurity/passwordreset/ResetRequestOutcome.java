package org.accountsecurity.passwordreset;

/**
 * What a reset request's caller may learn. {@code ACCEPTED} is the answer whether or not
 * the address has an account and whether or not the account's own limit held it back;
 * only the client's limit shows.
 */
public record ResetRequestOutcome(boolean clientLimited, long retryAfterSeconds) {

	static final ResetRequestOutcome ACCEPTED = new ResetRequestOutcome(false, 0);

	static ResetRequestOutcome limited(long retryAfterSeconds) {
		return new ResetRequestOutcome(true, retryAfterSeconds);
	}

}
