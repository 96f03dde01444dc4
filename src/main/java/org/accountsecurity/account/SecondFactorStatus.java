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

	/**
	 * The kinds ({@code totp}, {@code passkey}), how many unused recovery codes are left
	 * and how many passkeys there are.
	 */
	record Summary(List<String> kinds, int recoveryCodesLeft, int passkeys) {

		public static final int FEW_CODES = 3;

		/** Without passkeys. */
		public Summary(List<String> kinds, int recoveryCodesLeft) {
			this(kinds, recoveryCodesLeft, 0);
		}

		public boolean any() {
			return !kinds.isEmpty();
		}

		/** Whether sign-in with the password asks for a second step (TOTP is on). */
		public boolean twoStep() {
			return kinds.contains("totp");
		}

		public boolean fewCodesLeft() {
			return twoStep() && recoveryCodesLeft <= FEW_CODES;
		}

	}

}
