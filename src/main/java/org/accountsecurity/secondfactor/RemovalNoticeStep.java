package org.accountsecurity.secondfactor;

import java.time.Instant;
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
 * After a removal was asked for, or carried out: queue the holder's mail, exactly once
 * however often the step runs (the step's id is the outbox's once-key). Recorded with the
 * change in SQL, so a Redis outage delays the mail and never drops it.
 */
@Component
class RemovalNoticeStep implements AfterChangeStepHandler {

	static final String KIND = "second-factor-removal-notice";

	/** The mail with the link that cancels ({@link RemovalRequestedMailJob}). */
	static final String REQUESTED_MAIL = "second-factor-removal-requested";

	/** The mail that says the factors are gone ({@link FactorsRemovedMailJob}). */
	static final String REMOVED_MAIL = "second-factor-removed";

	private final MailOutbox outbox;

	RemovalNoticeStep(MailOutbox outbox) {
		this.outbox = outbox;
	}

	static Planned plan(UUID accountId, String mail, Instant at) {
		return new Planned(KIND, Map.of("accountId", accountId.toString(), "mail", mail, "at", at.toString()));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(AfterChangeStep step, RequestOrigin origin) {
		outbox.enqueueOnce(step.id().toString(), new OutboxMessage(step.detail().get("mail"),
				Map.of("accountId", step.detail().get("accountId"), "at", step.detail().get("at"))));
	}

}
