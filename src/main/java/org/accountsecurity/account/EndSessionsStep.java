package org.accountsecurity.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.accountsecurity.afterchange.AfterChangeStep;
import org.accountsecurity.afterchange.AfterChangeStep.Planned;
import org.accountsecurity.afterchange.AfterChangeStepHandler;
import org.accountsecurity.requester.RequestOrigin;

import org.springframework.stereotype.Component;

/**
 * After a credential change: end the account's sessions that started before it, but the
 * one the change was made in when it is to stay. Ends only what is left, so it can run
 * again.
 */
@Component
public class EndSessionsStep implements AfterChangeStepHandler {

	static final String KIND = "end-sessions";

	private final AccountSessions sessions;

	EndSessionsStep(AccountSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * The step for a change made now; {@code keepSessionId} may be null. The system
	 * clock, not the service's: Spring Session stamps creation times with it.
	 */
	public static Planned plan(String keepSessionId, String reason) {
		Map<String, String> detail = new HashMap<>();
		detail.put("before", Instant.now().toString());
		detail.put("reason", reason);
		if (keepSessionId != null) {
			detail.put("keep", AccountSessions.fingerprint(keepSessionId));
		}
		return new Planned(KIND, detail);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(AfterChangeStep step, RequestOrigin origin) {
		sessions.endStartedBefore(step.accountId(), step.detail().get("keep"),
				Instant.parse(step.detail().get("before")), step.detail().get("reason"), origin);
	}

}
