package org.accountsecurity.passwordreset;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeStep.Planned;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.requester.ClientAddresses;
import org.accountsecurity.requester.RequestOrigin;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;

import org.springframework.stereotype.Component;

/**
 * After a password change: queue the "your password was changed" notice, exactly once
 * however often the step runs (the step's id is the outbox's once-key).
 */
@Component
class PasswordChangedNoticeStep implements AfterChangeStepHandler {

	private static final String KIND = "password-changed-notice";

	private final MailOutbox outbox;

	private final ClientAddresses clientAddresses;

	private final Clock clock;

	PasswordChangedNoticeStep(MailOutbox outbox, ClientAddresses clientAddresses, Clock clock) {
		this.outbox = outbox;
		this.clientAddresses = clientAddresses;
		this.clock = clock;
	}

	/** The notice of a change made now from {@code origin}, with what the mail shows. */
	Planned plan(UUID accountId, RequestOrigin origin) {
		String client = clientAddresses.storable(origin.clientAddress());
		String agent = origin.userAgent() == null ? "" : origin.userAgent();
		return new Planned(KIND,
				Map.of("accountId", accountId.toString(), "client", client == null ? "" : client, "userAgent",
						agent.length() > 120 ? agent.substring(0, 120) : agent, "changedAt",
						clock.instant().toString()));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(AfterChangeStep step, RequestOrigin origin) {
		outbox.enqueueOnce(step.id().toString(),
				new OutboxMessage(PasswordChangeService.PASSWORD_CHANGED, step.detail()));
	}

}
