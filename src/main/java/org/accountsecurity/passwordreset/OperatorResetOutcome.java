package org.accountsecurity.passwordreset;

/**
 * What became of an operator's reset: a link on its way to {@code email}, or held back by
 * {@code limit} for {@code retryAfterSeconds}.
 */
public record OperatorResetOutcome(String email, Limit limit, long retryAfterSeconds) {

	public boolean sent() {
		return limit == null;
	}

	/** The limit that held a reset back. */
	public enum Limit {

		/** The account received its limit of reset links in this window. */
		PER_ACCOUNT("per_account"),

		/** The operator sent their limit of reset links in this window. */
		PER_OPERATOR("per_operator");

		private final String reason;

		Limit(String reason) {
			this.reason = reason;
		}

		/** The reason recorded in the audit trail. */
		public String reason() {
			return reason;
		}

	}

}
