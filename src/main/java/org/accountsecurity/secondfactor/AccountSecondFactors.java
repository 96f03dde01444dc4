package org.accountsecurity.secondfactor;

import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.SecondFactorStatus;

import org.springframework.stereotype.Component;

/** Tells the account module which second factors an account has; never a secret. */
@Component
class AccountSecondFactors implements SecondFactorStatus {

	static final String TOTP = "totp";

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	AccountSecondFactors(TotpCredentials credentials, RecoveryCodes recoveryCodes) {
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
	}

	@Override
	public Summary of(UUID accountId) {
		if (!credentials.exists(accountId)) {
			return new Summary(List.of(), 0);
		}
		return new Summary(List.of(TOTP), recoveryCodes.left(accountId));
	}

}
