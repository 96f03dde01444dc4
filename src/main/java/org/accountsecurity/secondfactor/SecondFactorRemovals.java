package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.accountsecurity.account.AccountNotFound;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.SecondFactorRemovalStatus.PendingRemoval;
import org.accountsecurity.account.SecondFactorStatus;
import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeSteps;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lost second factor (docs/flows.md): an operator asks for its removal, the holder is
 * mailed at once with a link that cancels, and the factors go after
 * {@code app.second-factor.removal-delay} ({@link RemovalJob}) unless the holder cancels
 * by the link or signs in with a factor meanwhile ({@link #cancelBySignIn}).
 */
@Service
public class SecondFactorRemovals {

	private final PendingRemovals removals;

	private final RemovalCancelTokens tokens;

	private final Accounts accounts;

	private final SecondFactorStatus secondFactors;

	private final AfterChangeSteps afterChange;

	private final AuditLog audit;

	private final SecondFactorProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SecondFactorRemovals(PendingRemovals removals, RemovalCancelTokens tokens, Accounts accounts,
			SecondFactorStatus secondFactors, AfterChangeSteps afterChange, AuditLog audit,
			SecondFactorProperties properties, TransactionTemplate transaction, Clock clock) {
		this.removals = removals;
		this.tokens = tokens;
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.afterChange = afterChange;
		this.audit = audit;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * An operator asks to remove the account's second factors. Idempotent: while one is
	 * pending, that one is answered ({@code created} false), with no second mail.
	 * @throws AccountNotFound for an unknown account
	 * @throws NoSecondFactor when the account has no factor to remove
	 */
	public Requested request(UUID accountId, UUID operatorId, RequestOrigin origin) {
		if (accounts.findById(accountId).isEmpty()) {
			throw new AccountNotFound();
		}
		String actor = AuditEntry.operator(operatorId);
		Optional<PendingRemoval> pending = removals.of(accountId);
		if (pending.isEmpty() && !secondFactors.of(accountId).any()) {
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVAL_REQUESTED, Outcome.FAILURE, "no_second_factor",
						accountId, origin)
				.byActor(actor));
			throw new NoSecondFactor();
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant effective = now.plus(properties.removalDelay());
		List<AfterChangeStep> steps = transaction.execute(tx -> {
			if (pending.isPresent() || !removals.insert(accountId, now, effective, operatorId)) {
				return null;
			}
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVAL_REQUESTED, Outcome.SUCCESS, null, accountId, origin)
				.byActor(actor)
				.with("effectiveAt", effective));
			return afterChange.record(accountId, origin,
					RemovalNoticeStep.plan(accountId, RemovalNoticeStep.REQUESTED_MAIL, now));
		});
		if (steps == null) {
			PendingRemoval existing = pending.or(() -> removals.of(accountId)).orElseThrow(NoSecondFactor::new);
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVAL_REQUESTED, Outcome.FAILURE, "already_pending",
						accountId, origin)
				.byActor(actor));
			return new Requested(existing, false);
		}
		afterChange.runNow(steps, origin);
		return new Requested(new PendingRemoval(accountId, now, effective), true);
	}

	/**
	 * The holder signed in with a second factor (a TOTP or recovery code at
	 * {@code /login/second-factor}; a passkey sign-in must call this too): a pending
	 * removal ends. True when there was one.
	 */
	public boolean cancelBySignIn(UUID accountId, RequestOrigin origin) {
		return cancelled(removals.cancel(accountId), accountId, "sign_in", origin);
	}

	/** What the link's token names, while its removal is pending; never uses it up. */
	public Optional<RemovalCancelTicket> check(String token) {
		return tokens.read(token).filter(t -> removals.hasCancelToken(t.accountId(), t.tokenHash()));
	}

	/**
	 * The holder cancels by the mailed link: true for the one request that did, false
	 * once used, after the removal, or after another cancel.
	 */
	public boolean cancelByLink(RemovalCancelTicket ticket, RequestOrigin origin) {
		return cancelled(removals.cancelWithToken(ticket.accountId(), ticket.tokenHash()), ticket.accountId(), "link",
				origin);
	}

	private boolean cancelled(boolean ended, UUID accountId, String via, RequestOrigin origin) {
		if (ended) {
			audit.record(AuditEntry
				.forAccount(AuditEventType.SECOND_FACTOR_REMOVAL_CANCELLED, Outcome.SUCCESS, null, accountId, origin)
				.with("via", via));
		}
		return ended;
	}

	/** The pending removal, and whether this request started it. */
	public record Requested(PendingRemoval removal, boolean created) {
	}

}
