package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.account.Accounts;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Service;

/**
 * Adding a passkey makes a way in that skips the password and TOTP, so it needs a recent
 * proof of both: the current password, and a TOTP or recovery code when TOTP is on,
 * checked within the last {@link #VALID} in this session. A session left open, or one
 * taken over, cannot add a passkey on its own. Attempts share the second-factor throttle;
 * failures are audited as failed {@code PASSKEY_REGISTERED}.
 */
@Service
public class PasskeyProofs {

	static final String PROOF = PasskeyProofs.class.getName() + ".proof";

	static final Duration VALID = Duration.ofMinutes(5);

	private final TotpCredentials totp;

	private final CodeCheck check;

	private final SecondFactorThrottle throttle;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	PasskeyProofs(TotpCredentials totp, CodeCheck check, SecondFactorThrottle throttle, Accounts accounts,
			AuditLog audit, Clock clock) {
		this.totp = totp;
		this.check = check;
		this.throttle = throttle;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the proof asks for a TOTP or recovery code too. */
	public boolean codeNeeded(UUID accountId) {
		return totp.exists(accountId);
	}

	public Status prove(HttpSession session, UUID accountId, String currentPassword, String code,
			RequestOrigin origin) {
		Status status;
		if (!throttle.attempt(accountId, origin.clientAddress()).allowed()) {
			status = Status.THROTTLED;
		}
		else if (!check.password(accountId, currentPassword)) {
			status = Status.WRONG_PASSWORD;
		}
		else if (codeNeeded(accountId)) {
			CodeCheck.Verdict verdict = check.check(accountId, code);
			if (verdict == CodeCheck.Verdict.RECOVERY_CODE) {
				audit.record(AuditEntry.forAccount(AuditEventType.RECOVERY_CODE_USED, Outcome.SUCCESS, "passkey",
						accountId, origin));
			}
			status = verdict.accepted() ? Status.PROVEN : Status.WRONG_CODE;
		}
		else {
			status = Status.PROVEN;
		}
		if (status != Status.PROVEN) {
			audit.record(AuditEntry.forAccount(AuditEventType.PASSKEY_REGISTERED, Outcome.FAILURE,
					status.name().toLowerCase(Locale.ROOT), accountId, origin));
			return status;
		}
		long version = accounts.credentialVersion(accountId).orElse(-1L);
		session.setAttribute(PROOF, new PasskeyProof(accountId, version, clock.instant().plus(VALID)));
		return status;
	}

	/** Until when this session may add passkeys to the account; empty without a proof. */
	public Optional<Instant> validUntil(HttpSession session, UUID accountId) {
		Object value = session == null ? null : session.getAttribute(PROOF);
		if (!(value instanceof PasskeyProof proof)) {
			return Optional.empty();
		}
		long version = accounts.credentialVersion(accountId).orElse(-1L);
		return proof.validFor(accountId, version, clock.instant()) ? Optional.of(proof.expiresAt()) : Optional.empty();
	}

	/** What a proof attempt did. */
	public enum Status {

		PROVEN, THROTTLED, WRONG_PASSWORD, WRONG_CODE

	}

}
