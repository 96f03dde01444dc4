package org.accountsecurity.account.emailchange;

import java.util.Locale;

/**
 * Where a confirmation link stands; each state but VALID and CONFIRMED gets its own page
 * and audit reason.
 */
public enum ConfirmationState {

	VALID, CONFIRMED, EXPIRED, USED, REVOKED, INVALID, TAKEN;

	public String reason() {
		return name().toLowerCase(Locale.ROOT);
	}

}
