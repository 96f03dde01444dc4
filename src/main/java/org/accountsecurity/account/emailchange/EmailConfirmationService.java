package org.accountsecurity.account.emailchange;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountEmailService;
import org.accountsecurity.account.AccountExistsException;
import org.accountsecurity.account.AccountSessions;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.EmailAddress;
import org.accountsecurity.account.emailchange.EmailChangeToken.Claimed;
import org.accountsecurity.account.emailchange.PendingEmailChanges.Found;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.audit.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Follows a confirmation link. Opening it ({@link #check}) changes nothing; confirming
 * consumes the pending change first, then checks expiry, credential version and that the
 * address is still free, stores it with a new credential version (which revokes every
 * reset link, see {@code EmailAddressChanged}, and signs out every session signed in
 * before, see {@code SessionValidity}) and ends the account's other sessions. It needs no
 * sign-in: the link proves control of the new mailbox, the password was proved when it
 * was asked for.
 */
@Service
public class EmailConfirmationService {

	private static final Logger log = LoggerFactory.getLogger(EmailConfirmationService.class);

	private final PendingEmailChanges pending;

	private final Accounts accounts;

	private final AccountEmailService emails;

	private final AccountSessions sessions;

	private final AuditLog audit;

	private final Clock clock;

	EmailConfirmationService(PendingEmailChanges pending, Accounts accounts, AccountEmailService emails,
			AccountSessions sessions, AuditLog audit, Clock clock) {
		this.pending = pending;
		this.accounts = accounts;
		this.emails = emails;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the link stands for, and the masked new address when it is valid; uses nothing
	 * up.
	 */
	public Confirmation check(String token) {
		Optional<Claimed> claimed = EmailChangeToken.parse(token);
		if (claimed.isEmpty()) {
			return Confirmation.of(ConfirmationState.INVALID);
		}
		if (expired(claimed.get())) {
			return Confirmation.of(ConfirmationState.EXPIRED);
		}
		Found found = pending.peek(claimed.get().accountId(), claimed.get().hash());
		if (found.state() != ConfirmationState.VALID) {
			return Confirmation.of(found.state());
		}
		if (!versionMatches(claimed.get().accountId(), found)) {
			return Confirmation.of(ConfirmationState.REVOKED);
		}
		return new Confirmation(ConfirmationState.VALID, EmailAddress.mask(found.address()), null);
	}

	/**
	 * Confirms the change the token stands for. {@code signedInAs} and {@code sessionId}
	 * name the session the request came with, if any: when it is the account's own, it
	 * stays and the others end; otherwise all end.
	 */
	public Confirmation confirm(String token, UUID signedInAs, String sessionId, RequestOrigin origin) {
		Optional<Claimed> parsed = EmailChangeToken.parse(token);
		if (parsed.isEmpty()) {
			return rejected(ConfirmationState.INVALID, null, origin);
		}
		Claimed claimed = parsed.get();
		Found found = pending.consume(claimed.accountId(), claimed.hash(), EmailChangeService.LINK_TTL);
		// Until the hash matched (VALID) or matched a remembered one (USED, REVOKED) the
		// account id is a mere claim.
		if (found.state() == ConfirmationState.INVALID) {
			return rejected(expired(claimed) ? ConfirmationState.EXPIRED : ConfirmationState.INVALID, null, origin);
		}
		UUID accountId = claimed.accountId();
		if (found.state() != ConfirmationState.VALID) {
			return rejected(found.state(), accountId, origin);
		}
		if (expired(claimed)) {
			return rejected(ConfirmationState.EXPIRED, accountId, origin);
		}
		if (!versionMatches(accountId, found)) {
			return rejected(ConfirmationState.REVOKED, accountId, origin);
		}
		Optional<Account> changed;
		try {
			// Conditional on the version too: a password change committing after the
			// check above still cancels the change.
			changed = emails.change(accountId, found.address(), found.credentialVersion(), "confirmed", origin);
		}
		catch (AccountExistsException ex) {
			return rejected(ConfirmationState.TAKEN, accountId, origin);
		}
		if (changed.isEmpty()) {
			return rejected(ConfirmationState.REVOKED, accountId, origin);
		}
		// Ends the sessions now; the new credential version ends any that a racing
		// sign-in saves later.
		sessions.endAll(accountId, accountId.equals(signedInAs) ? sessionId : null, "email_changed", origin);
		log.info("Account {} changed its e-mail address", accountId);
		return new Confirmation(ConfirmationState.CONFIRMED, EmailAddress.mask(changed.get().email()), changed.get());
	}

	private boolean expired(Claimed claimed) {
		return !clock.instant().isBefore(claimed.expiresAt());
	}

	// A password changed since the request (by the holder, perhaps to lock someone out)
	// cancels the change.
	private boolean versionMatches(UUID accountId, Found found) {
		return accounts.findById(accountId).map(a -> a.credentialVersion() == found.credentialVersion()).orElse(false);
	}

	private Confirmation rejected(ConfirmationState state, UUID accountId, RequestOrigin origin) {
		audit.record(new AuditEntry(AuditEventType.EMAIL_CHANGED, Outcome.FAILURE, "link_" + state.reason(),
				AuditEntry.SELF, accountId, null, origin));
		return Confirmation.of(state);
	}

	/**
	 * The outcome: the link's state, the masked new address, and the changed account once
	 * CONFIRMED.
	 */
	public record Confirmation(ConfirmationState state, String maskedAddress, Account account) {

		static Confirmation of(ConfirmationState state) {
			return new Confirmation(state, null, null);
		}

	}

}
