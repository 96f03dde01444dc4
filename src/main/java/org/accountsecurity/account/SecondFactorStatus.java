package org.accountsecurity.account;

import java.util.List;
import java.util.UUID;

/**
 * Which second factors an account has, for the pages and answers of this module (Account
 * details, the account JSON) and the password-changed mail. A port: the
 * {@code secondfactor} module, which sits above this one, implements it.
 */
public interface SecondFactorStatus {

	Summary of(UUID accountId);

	/** The kinds (such as {@code totp}) and how many unused recovery codes are left. */
	record Summary(List<String> kinds, int recoveryCodesLeft) {

		public static final int FEW_CODES = 3;

		public boolean any() {
			return !kinds.isEmpty();
		}

		public boolean fewCodesLeft() {
			return any() && recoveryCodesLeft <= FEW_CODES;
		}

	}

}
