package org.accountsecurity.secondfactor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.SecondFactorStatus;

import org.springframework.stereotype.Component;

/** Tells the account module which second factors an account has; never a secret. */
@Component
class AccountSecondFactors implements SecondFactorStatus {

	static final String TOTP = "totp";

	static final String PASSKEY = "passkey";

	private final TotpCredentials credentials;

	private final RecoveryCodes recoveryCodes;

	private final Passkeys passkeys;

	AccountSecondFactors(TotpCredentials credentials, RecoveryCodes recoveryCodes, Passkeys passkeys) {
		this.credentials = credentials;
		this.recoveryCodes = recoveryCodes;
		this.passkeys = passkeys;
	}

	@Override
	public Summary of(UUID accountId) {
		List<String> kinds = new ArrayList<>(2);
		boolean totp = credentials.exists(accountId);
		if (totp) {
			kinds.add(TOTP);
		}
		int passkeyCount = passkeys.count(accountId);
		if (passkeyCount > 0) {
			kinds.add(PASSKEY);
		}
		return new Summary(List.copyOf(kinds), totp ? recoveryCodes.left(accountId) : 0, passkeyCount);
	}

}
