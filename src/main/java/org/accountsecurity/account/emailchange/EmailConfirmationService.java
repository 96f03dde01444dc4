package org.accountsecurity.account.emailchange;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountEmailService;
import org.accountsecurity.account.AccountExists;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.EndSessionsStep;
import org.accountsecurity.requester.EmailAddress;
import org.accountsecurity.account.emailchange.EmailChangeToken.Claimed;
import org.accountsecurity.account.emailchange.PendingEmailChanges.Found;
import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeSteps;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows a confirmation link. Opening it ({@link #check}) changes nothing; confirming
 * consumes the pending change first, then checks expiry, credential version and that the
 * address is still free, stores it with a new credential version (which revokes every
 * reset link, see {@code EmailAddressChanged}, and signs out every session signed in
 * before, see {@code SessionValidity}) and ends the account's other sessions (a step
 * recorded with the change, so a Redis outage right after the commit only delays it). It
 * needs no sign-in: the link proves control of the new mailbox, the password was proved
 * when it was asked for.
 */
@Service
public class EmailConfirmationService {

	private static final Logger log = LoggerFactory.getLogger(EmailConfirmationService.class);

	private final PendingEmailChanges pending;

	private final Accounts accounts;

	private final AccountEmailService emails;

	private final AfterChangeSteps afterChange;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	EmailConfirmationService(PendingEmailChanges pending, Accounts accounts, AccountEmailService emails,
			AfterChangeSteps afterChange, AuditLog audit, TransactionTemplate transaction, Clock clock) {
		this.pending = pending;
		this.accounts = accounts;
		this.emails = emails;
		this.afterChange = afterChange;
		this.audit = audit;
		this.transaction = transaction;
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
		return new Confirmation(ConfirmationState.VALID, EmailAddress.mask(found.address()), null, false);
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
		Changed changed;
		try {
			// Conditional on the version too: a password change committing after the
			// check above still cancels the change. The other sessions end after the
			// commit, by a recorded step: a Redis outage at that moment delays it, and
			// the person still learns that the address is changed.
			changed = transaction.execute(
					status -> emails.change(accountId, found.address(), found.credentialVersion(), "confirmed", origin)
						.map(account -> new Changed(account,
								afterChange.record(accountId, origin,
										EndSessionsStep.plan(accountId.equals(signedInAs) ? sessionId : null,
												"email_changed"))))
						.orElse(null));
		}
		catch (AccountExists ex) {
			return rejected(ConfirmationState.TAKEN, accountId, origin);
		}
		if (changed == null) {
			return rejected(ConfirmationState.REVOKED, accountId, origin);
		}
		boolean settled = afterChange.runNow(changed.steps(), origin);
		log.info("Account {} changed its e-mail address", accountId);
		return new Confirmation(ConfirmationState.CONFIRMED, EmailAddress.mask(changed.account().email()),
				changed.account(), !settled);
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
	 * CONFIRMED; {@code stepsPending} when ending the other sessions is left to the
	 * worker (Redis failed after the commit).
	 */
	public record Confirmation(ConfirmationState state, String maskedAddress, Account account, boolean stepsPending) {

		static Confirmation of(ConfirmationState state) {
			return new Confirmation(state, null, null, false);
		}

	}

	private record Changed(Account account, List<AfterChangeStep> steps) {
	}

}
