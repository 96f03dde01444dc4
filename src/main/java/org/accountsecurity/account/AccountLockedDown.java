package org.accountsecurity.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The holder locked the account down ("This wasn't me"): a proven password is refused
 * until a reset link sets a new one. Thrown only after the password is proven, so it
 * tells nothing to someone who does not know it.
 */
public class AccountLockedDown extends AccountStatusException {

	private static final long serialVersionUID = 1L;

	public AccountLockedDown() {
		super("The account is locked down; set a new password through a reset link");
	}

}
