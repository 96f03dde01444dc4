package org.accountsecurity.afterchange;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded step: what to do ({@code kind}, for its {@link AfterChangeStepHandler}),
 * for which account, with what ({@code detail}), and for which request.
 */
public record AfterChangeStep(UUID id, UUID accountId, String kind, Map<String, String> detail, String requestId,
		Instant createdAt, int attempts) {

	public AfterChangeStep {
		detail = Map.copyOf(detail);
	}

	/** A step to record: its kind and what its handler needs. */
	public record Planned(String kind, Map<String, String> detail) {

		public Planned {
			detail = Map.copyOf(detail);
		}

	}

}
