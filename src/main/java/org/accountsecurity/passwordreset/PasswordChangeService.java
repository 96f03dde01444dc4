package org.accountsecurity.passwordreset;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.account.EndSessionsStep;
import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeSteps;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.password.PasswordContext;
import org.accountsecurity.password.PasswordHasher;
import org.accountsecurity.password.PasswordPolicy;
import org.accountsecurity.password.PasswordProperties;
import org.accountsecurity.password.PolicyViolation;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets the new password from a checked reset link. The policy is checked and the hash
 * computed before the link is consumed, so a refused password leaves the link usable;
 * then one atomic consume decides which of concurrent submissions wins. The change
 * records its after-change steps (revoke every link, end every session, mail a notice) in
 * its own transaction, so they happen even when Redis fails right after the commit.
 */
@Service
public class PasswordChangeService {

	static final String PASSWORD_CHANGED = "password-changed";

	private final Accounts accounts;

	private final ResetTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final PasswordProperties passwordProperties;

	private final AuditLog audit;

	private final AfterChangeSteps afterChange;

	private final PasswordChangedNoticeStep notice;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final MeterRegistry meters;

	PasswordChangeService(Accounts accounts, ResetTokens tokens, PasswordPolicy policy, PasswordHasher hasher,
			PasswordProperties passwordProperties, AuditLog audit, AfterChangeSteps afterChange,
			PasswordChangedNoticeStep notice, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.policy = policy;
		this.hasher = hasher;
		this.passwordProperties = passwordProperties;
		this.audit = audit;
		this.afterChange = afterChange;
		this.notice = notice;
		this.transaction = transaction;
		this.clock = clock;
		this.meters = meters;
	}

	public ChangeResult complete(PendingReset pending, String password, String confirmation, RequestOrigin origin) {
		Optional<Account> found = accounts.findById(pending.accountId());
		if (found.isEmpty() || found.get().credentialVersion() != pending.credentialVersion()) {
			return rejected(pending, ResetLinkState.REVOKED, origin);
		}
		Account account = found.get();
		List<PolicyViolation> violations = policy.check(password, confirmation, new PasswordContext(account.email(),
				account.displayName(), accounts.recentPasswordHashes(account.id(), passwordProperties.history())));
		if (!violations.isEmpty()) {
			audit.record(AuditEntry.forAccount(AuditEventType.PASSWORD_REJECTED, Outcome.FAILURE,
					violations.stream().map(PolicyViolation::code).collect(Collectors.joining(",")), account.id(),
					origin));
			return ChangeResult.refused(violations);
		}
		String hash = hasher.hash(password);
		if (!tokens.consume(pending)) {
			return rejected(pending, tokens.stateOf(pending), origin);
		}
		List<AfterChangeStep> steps;
		try {
			steps = transaction.execute(status -> {
				accounts.changePassword(account.id(), hash, clock.instant());
				audit.record(AuditEntry
					.forAccount(AuditEventType.PASSWORD_CHANGED, Outcome.SUCCESS, null, account.id(), origin)
					.with("via", "reset_link"));
				return afterChange.record(account.id(), origin, RevokeResetLinksStep.PLAN,
						EndSessionsStep.plan(null, "password_changed"), notice.plan(account.id(), origin));
			});
		}
		catch (RuntimeException ex) {
			// The database failed: the password did not change, so the link must not
			// stay used up. (Had the commit gone through unseen, the link is refused
			// anyway: the credential version moved on.)
			giveBack(pending, ex);
			throw ex;
		}
		// The password is changed: a step that fails now is finished by the worker, and
		// the answer says the truth.
		afterChange.runNow(steps, origin);
		meters.counter("reset.tokens.consumed").increment();
		return ChangeResult.CHANGED;
	}

	private void giveBack(PendingReset pending, RuntimeException failure) {
		try {
			tokens.giveBack(pending);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private ChangeResult rejected(PendingReset pending, ResetLinkState state, RequestOrigin origin) {
		meters.counter("reset.tokens.rejected", "reason", state.reason()).increment();
		audit.record(AuditEntry.forAccount(AuditEventType.RESET_TOKEN_REJECTED, Outcome.FAILURE, state.reason(),
				pending.accountId(), origin));
		return ChangeResult.linkRejected(state);
	}

	/**
	 * The outcome: changed, refused by the policy (with every reason), or the link is no
	 * longer usable.
	 */
	public record ChangeResult(boolean changed, List<PolicyViolation> violations, ResetLinkState linkState) {

		static final ChangeResult CHANGED = new ChangeResult(true, List.of(), ResetLinkState.USED);

		static ChangeResult refused(List<PolicyViolation> violations) {
			return new ChangeResult(false, List.copyOf(violations), ResetLinkState.VALID);
		}

		static ChangeResult linkRejected(ResetLinkState state) {
			return new ChangeResult(false, List.of(), state);
		}

	}

}
