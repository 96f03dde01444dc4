package org.accountsecurity.passwordreset;

import org.accountsecurity.account.EmailAddressChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Revokes every outstanding reset link of an account whose e-mail address changed: they
 * went to the old address, which may no longer be the holder's (docs/security.md TK-10).
 */
@Component
class EmailChangeRevokesResetLinks {

	private final ResetTokens tokens;

	EmailChangeRevokesResetLinks(ResetTokens tokens) {
		this.tokens = tokens;
	}

	// Synchronous, inside the change's transaction, and allowed to fail: if Redis cannot
	// revoke the links,
	// the address stays as it was rather than leaving working links to the old one.
	@EventListener
	void revoke(EmailAddressChanged event) {
		tokens.revokeAll(event.accountId());
	}

}
