package org.accountsecurity.password;

import java.util.Arrays;
import java.util.List;

/**
 * One reason a password was refused, with the arguments its message needs; the message
 * tells the person what to do instead.
 *
 * @param code stable code, one of the constants below
 * @param args arguments for the message, e.g. the minimum length
 */
public record PolicyViolation(String code, List<Object> args) {

	/** No password given. */
	public static final String BLANK = "blank";

	/** Fewer code points than the minimum; argument: the minimum. */
	public static final String TOO_SHORT = "too-short";

	/** More code points than the maximum; argument: the maximum. */
	public static final String TOO_LONG = "too-long";

	/** On the common/breached list, or the service's own name. */
	public static final String COMMON = "common";

	/**
	 * zxcvbn estimates fewer guesses than {@code app.password.min-guesses}: a pattern
	 * such as a repeated word, a keyboard row or a run of digits.
	 */
	public static final String EASY_TO_GUESS = "easy-to-guess";

	/** Known from a breach (the optional {@code app.password.breach-check}). */
	public static final String BREACHED = "breached";

	/** Contains the local part of the account's e-mail address. */
	public static final String CONTAINS_EMAIL = "contains-email";

	/** Contains the account's display name or a part of it. */
	public static final String CONTAINS_NAME = "contains-name";

	/** The confirmation differs. */
	public static final String MISMATCH = "mismatch";

	/** One of the recent passwords. */
	public static final String REUSED = "reused";

	public PolicyViolation {
		args = List.copyOf(args);
	}

	static PolicyViolation of(String code, Object... args) {
		return new PolicyViolation(code, Arrays.asList(args));
	}

	/**
	 * The key of this violation's message in the {@code messages/password} bundle.
	 * @return {@code "password.policy." + code}
	 */
	public String messageKey() {
		return "password.policy." + this.code;
	}

}
