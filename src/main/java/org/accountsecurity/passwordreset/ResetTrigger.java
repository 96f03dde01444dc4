package org.accountsecurity.passwordreset;

/**
 * Who started a reset: the holder from Account details, anyone from the sign-in page, or
 * an operator.
 */
public enum ResetTrigger {

	SELF, FORGOT, OPERATOR;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
