package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.audit.AuditEntry;
import org.accountsecurity.audit.AuditEventType;
import org.accountsecurity.audit.AuditLog;
import org.accountsecurity.audit.Outcome;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the holder changes once TOTP is on: a new set of recovery codes, or TOTP off. Both
 * need the current password and a second-factor code (TOTP or recovery code), so a
 * session left open, or a reset link, is not enough.
 */
@Service
public class SecondFactorChanges {

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	private final CodeCheck check;

	private final SecondFactorThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	SecondFactorChanges(TotpCredentials credentials, RecoveryCodes recoveryCodes, CodeCheck check,
			SecondFactorThrottle throttle, AuditLog audit, Clock clock) {
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
		this.check = check;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	/** Ten new recovery codes; every earlier one stops working. */
	@Transactional
	public Result regenerate(UUID accountId, String currentPassword, String code, RequestOrigin origin) {
		// One change at a time: a parallel one waits, then finds its proof used up.
		credentials.lock(accountId);
		Status proof = prove(accountId, currentPassword, code, AuditEventType.RECOVERY_CODES_REGENERATED, "regenerate",
				origin);
		if (proof != Status.DONE) {
			return new Result(proof, List.of());
		}
		List<String> codes = recoveryCodes.replace(accountId, clock.instant());
		audit.record(AuditEntry.forAccount(AuditEventType.RECOVERY_CODES_REGENERATED, Outcome.SUCCESS, null, accountId,
				origin));
		return new Result(Status.DONE, codes);
	}

	/** Turns TOTP off and deletes the recovery codes with it. */
	@Transactional
	public Status disable(UUID accountId, String currentPassword, String code, RequestOrigin origin) {
		credentials.lock(accountId);
		Status proof = prove(accountId, currentPassword, code, AuditEventType.SECOND_FACTOR_REMOVED, "disable", origin);
		if (proof != Status.DONE) {
			return proof;
		}
		credentials.remove(accountId);
		recoveryCodes.removeAll(accountId);
		audit.record(AuditEntry.forAccount(AuditEventType.SECOND_FACTOR_REMOVED, Outcome.SUCCESS,
				AccountSecondFactors.TOTP, accountId, origin));
		return Status.DONE;
	}

	private Status prove(UUID accountId, String currentPassword, String code, AuditEventType type, String use,
			RequestOrigin origin) {
		if (!credentials.exists(accountId)) {
			return Status.NOT_ON;
		}
		Status status;
		if (!throttle.attempt(accountId, origin.clientAddress()).allowed()) {
			status = Status.THROTTLED;
		}
		else if (!check.password(accountId, currentPassword)) {
			status = Status.WRONG_PASSWORD;
		}
		else {
			CodeCheck.Verdict verdict = check.check(accountId, code);
			if (verdict == CodeCheck.Verdict.RECOVERY_CODE) {
				audit.record(AuditEntry.forAccount(AuditEventType.RECOVERY_CODE_USED, Outcome.SUCCESS, use, accountId,
						origin));
			}
			status = verdict.accepted() ? Status.DONE : Status.WRONG_CODE;
		}
		if (status != Status.DONE) {
			audit.record(AuditEntry.forAccount(type, Outcome.FAILURE, status.name().toLowerCase(java.util.Locale.ROOT),
					accountId, origin));
		}
		return status;
	}

	/** What a change attempt did. */
	public enum Status {

		DONE, NOT_ON, THROTTLED, WRONG_PASSWORD, WRONG_CODE

	}

	/** The outcome and, when done, the new recovery codes to show once. */
	public record Result(Status status, List<String> recoveryCodes) {
	}

}
