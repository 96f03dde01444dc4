package org.accountsecurity.account;

/** No account has the id a caller named. */
public class AccountNotFound extends RuntimeException {

	public AccountNotFound() {
		super("No account has this id");
	}

}
