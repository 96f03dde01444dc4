package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountUser;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Service;

/**
 * The second step of signing in: after the password, an account with a second factor gets
 * only a {@link PendingSignIn} in its session (for
 * {@code app.second-factor.pending-ttl}), and the principal with its authorities only
 * once a TOTP or recovery code is accepted. Attempts are throttled per account and client
 * and audited.
 */
@Service
public class SecondSignIn {

	static final String PENDING = SecondSignIn.class.getName() + ".pending";

	private final TotpCredentials credentials;

	private final CodeCheck check;

	private final SecondFactorThrottle throttle;

	private final Accounts accounts;

	private final AuditLog audit;

	private final SecondFactorProperties properties;

	private final SecondFactorRemovals removals;

	private final Clock clock;

	SecondSignIn(TotpCredentials credentials, CodeCheck check, SecondFactorThrottle throttle, Accounts accounts,
			AuditLog audit, SecondFactorProperties properties, SecondFactorRemovals removals, Clock clock) {
		this.removals = removals;
		this.credentials = credentials;
		this.check = check;
		this.throttle = throttle;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether a proven password of this account still needs a second step. */
	public boolean required(UUID accountId) {
		return credentials.exists(accountId);
	}

	/**
	 * Remembers the proven password of {@code user}; the caller keeps no authentication.
	 */
	public void begin(HttpSession session, AccountUser user) {
		session.setAttribute(PENDING, new PendingSignIn(user.accountId(), user.credentialVersion(),
				clock.instant().plus(properties.pendingTtl())));
	}

	/** Whether {@code session} waits for a second step that has not expired. */
	public boolean waiting(HttpSession session) {
		return pending(session).isPresent();
	}

	/**
	 * Checks {@code code}; once accepted, the pending state ends and the principal is
	 * given.
	 */
	public Completion complete(HttpSession session, String code, RequestOrigin origin) {
		Optional<PendingSignIn> waiting = pending(session);
		Optional<Account> account = waiting.flatMap(p -> accounts.findById(p.accountId()));
		if (account.isEmpty() || account.get().credentialVersion() != waiting.get().credentialVersion()) {
			// Expired, or the password changed after it was proven here: start again.
			if (session != null) {
				session.removeAttribute(PENDING);
			}
			waiting.ifPresent(p -> failed(p.accountId(), "stale", origin));
			return Completion.of(Status.EXPIRED);
		}
		UUID accountId = account.get().id();
		if (!throttle.attempt(accountId, origin.clientAddress()).allowed()) {
			failed(accountId, "throttled", origin);
			return Completion.of(Status.THROTTLED);
		}
		CodeCheck.Verdict verdict = check.check(accountId, code);
		if (!verdict.accepted()) {
			failed(accountId, "wrong_code", origin);
			return Completion.of(Status.WRONG_CODE);
		}
		session.removeAttribute(PENDING);
		String kind = verdict == CodeCheck.Verdict.TOTP ? AccountSecondFactors.TOTP : "recovery_code";
		if (verdict == CodeCheck.Verdict.RECOVERY_CODE) {
			audit.record(AuditEntry.forAccount(AuditEventType.RECOVERY_CODE_USED, Outcome.SUCCESS, "sign_in", accountId,
					origin));
		}
		audit.record(AuditEntry.forAccount(AuditEventType.SECOND_FACTOR_SUCCEEDED, Outcome.SUCCESS, kind, accountId,
				origin));
		// Whoever holds a factor is no one who lost it: an operator's removal ends here.
		removals.cancelBySignIn(accountId, origin);
		AccountUser user = new AccountUser(account.get(), clock.instant());
		user.eraseCredentials();
		return new Completion(Status.SIGNED_IN, user);
	}

	private Optional<PendingSignIn> pending(HttpSession session) {
		Object value = session == null ? null : session.getAttribute(PENDING);
		return value instanceof PendingSignIn p && !p.expiredAt(clock.instant()) ? Optional.of(p) : Optional.empty();
	}

	private void failed(UUID accountId, String reason, RequestOrigin origin) {
		audit.record(
				AuditEntry.forAccount(AuditEventType.SECOND_FACTOR_FAILED, Outcome.FAILURE, reason, accountId, origin));
	}

	/** What a second-step attempt did. */
	public enum Status {

		SIGNED_IN, WRONG_CODE, THROTTLED, EXPIRED

	}

	/** The outcome, with the signed-in principal when it succeeded. */
	public record Completion(Status status, AccountUser user) {

		static Completion of(Status status) {
			return new Completion(status, null);
		}

	}

}
