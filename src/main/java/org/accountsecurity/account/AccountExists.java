package org.accountsecurity.account;

/** An account with an equivalent e-mail address exists already. */
public class AccountExists extends RuntimeException {

	public AccountExists() {
		super("An account with this e-mail address exists already");
	}

}
