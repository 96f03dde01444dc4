package org.accountsecurity.privacy;

import java.time.Instant;

/** The version of the data processing agreement an account accepted, and when. */
public record DpaAcceptance(String version, Instant acceptedAt) {

	public boolean isOf(String currentVersion) {
		return version.equals(currentVersion);
	}

}
