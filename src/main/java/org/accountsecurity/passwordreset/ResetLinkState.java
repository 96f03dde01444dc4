package org.accountsecurity.passwordreset;

/** Why a reset link cannot be used; each gets its own page and audit reason. */
public enum ResetLinkState {

	VALID, EXPIRED, USED, REVOKED, INVALID;

	public String reason() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
