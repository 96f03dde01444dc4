package org.accountsecurity.lockdown;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeStep.Planned;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.mail.MailOutbox;
import org.accountsecurity.mail.OutboxMessage;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Component;

/**
 * After a lockdown: queue the "your account is locked" mail, with the way back (a reset
 * link), exactly once however often the step runs.
 */
@Component
class LockedDownNoticeStep implements AfterChangeStepHandler {

	static final String MAIL = "locked-down";

	private static final String KIND = "locked-down-notice";

	private final MailOutbox outbox;

	private final Clock clock;

	LockedDownNoticeStep(MailOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	Planned plan(UUID accountId) {
		return new Planned(KIND, Map.of("accountId", accountId.toString(), "lockedAt", clock.instant().toString()));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(AfterChangeStep step, RequestOrigin origin) {
		outbox.enqueueOnce(step.id().toString(), new OutboxMessage(MAIL, step.detail()));
	}

}
