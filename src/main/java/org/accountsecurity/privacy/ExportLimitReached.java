package org.accountsecurity.privacy;

/**
 * The account downloaded its data {@value PersonalDataExport#EXPORTS_PER_HOUR} times this
 * hour; it may again after {@code retryAfterSeconds}.
 */
public class ExportLimitReached extends RuntimeException {

	private final long retryAfterSeconds;

	ExportLimitReached(long retryAfterSeconds) {
		super("Download limit reached", null, false, false);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
