package org.accountsecurity.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Whether a signed-in session may still act for its account: younger than
 * {@code app.session.max-age} and signed in with the account's current credential
 * version. A password change (or a confirmed e-mail change) moves the version on, so a
 * session that a sign-in saved after the change had ended every session (it had checked
 * the old password before) is refused on its next request.
 */
@Component
public class SessionValidity {

	private final Accounts accounts;

	private final SessionProperties properties;

	private final Clock clock;

	SessionValidity(Accounts accounts, SessionProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** The age check first (no query), then one primary-key lookup of the version. */
	public boolean isCurrent(AccountUser user) {
		Instant signedInAt = user.signedInAt();
		if (signedInAt == null || !clock.instant().isBefore(signedInAt.plus(properties.maxAge()))) {
			return false;
		}
		return accounts.credentialVersion(user.accountId()).map(v -> v == user.credentialVersion()).orElse(false);
	}

}
