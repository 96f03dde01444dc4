package org.accountsecurity.secondfactor;

/** An operator asked to remove the second factors of an account that has none. */
public class NoSecondFactor extends RuntimeException {

	public NoSecondFactor() {
		super("The account has no second factor");
	}

}
