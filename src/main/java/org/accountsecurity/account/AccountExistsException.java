package org.accountsecurity.account;

/** An account with an equivalent e-mail address exists already. */
public class AccountExistsException extends RuntimeException {

	public AccountExistsException() {
		super("An account with this e-mail address exists already");
	}

}
