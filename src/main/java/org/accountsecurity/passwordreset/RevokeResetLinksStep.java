package org.accountsecurity.passwordreset;

import java.util.Map;

import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeStep.Planned;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Component;

/**
 * After a password change or a lockdown: revoke every reset link of the account (one more
 * was perhaps requested in the meantime, with the old credential version, which already
 * refuses it).
 */
@Component
public class RevokeResetLinksStep implements AfterChangeStepHandler {

	public static final Planned PLAN = new Planned("revoke-reset-links", Map.of());

	private final ResetTokens tokens;

	RevokeResetLinksStep(ResetTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String kind() {
		return PLAN.kind();
	}

	@Override
	public void run(AfterChangeStep step, RequestOrigin origin) {
		tokens.revokeAll(step.accountId());
	}

}
