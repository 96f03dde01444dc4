package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import org.accountsecurity.account.Accounts;
import org.accountsecurity.password.PasswordHasher;

import org.springframework.stereotype.Component;

/**
 * Checks what a person typed as a second factor: a TOTP code (used up once accepted) or a
 * recovery code (used up), and the current password where a change needs both.
 */
@Component
class CodeCheck {

	/** What a typed code turned out to be. */
	enum Verdict {

		TOTP, RECOVERY_CODE, WRONG;

		boolean accepted() {
			return this != WRONG;
		}

	}

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	private final UsedCodes usedCodes;

	private final Accounts accounts;

	private final PasswordHasher hasher;

	private final Clock clock;

	CodeCheck(TotpCredentials credentials, RecoveryCodes recoveryCodes, UsedCodes usedCodes, Accounts accounts,
			PasswordHasher hasher, Clock clock) {
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
		this.usedCodes = usedCodes;
		this.accounts = accounts;
		this.hasher = hasher;
		this.clock = clock;
	}

	/** A TOTP code of the account's secret, or else one of its unused recovery codes. */
	Verdict check(UUID accountId, String code) {
		if (TotpCodes.looksLikeTotp(code)) {
			return credentials.secret(accountId).map(secret -> totp(accountId, secret, code)).orElse(false)
					? Verdict.TOTP : Verdict.WRONG;
		}
		return recoveryCodes.consume(accountId, code, clock.instant()) ? Verdict.RECOVERY_CODE : Verdict.WRONG;
	}

	/** A code valid for {@code secret} now whose time step the account has not used. */
	boolean totp(UUID accountId, byte[] secret, String code) {
		OptionalLong step = TotpCodes.matchingStep(secret, code, clock.instant());
		return step.isPresent() && usedCodes.claim(accountId, step.getAsLong());
	}

	boolean password(UUID accountId, String password) {
		return accounts.findById(accountId).map(a -> hasher.matches(password, a.passwordHash())).orElse(false);
	}

}
