package org.accountsecurity.account;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The one check every sign-in method makes after it has proven who is signing in
 * (password, HTTP Basic, passkey, ...): a locked-down account does not sign in. Call it
 * only after the proof, so that it tells nothing to anyone else.
 */
@Component
public class SignInGate {

	private final AccountLockdowns lockdowns;

	SignInGate(AccountLockdowns lockdowns) {
		this.lockdowns = lockdowns;
	}

	/** Whether the holder locked the account down. */
	public boolean lockedDown(UUID accountId) {
		return lockdowns.lockedDownAt(accountId).isPresent();
	}

	/** Throws {@link AccountLockedDown} when the account is locked down. */
	public void requireOpen(UUID accountId) {
		if (lockedDown(accountId)) {
			throw new AccountLockedDown();
		}
	}

}
