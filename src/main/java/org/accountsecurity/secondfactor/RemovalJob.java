package org.accountsecurity.secondfactor;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries out the removals that are due, every minute on every instance. Safe with many
 * instances: each removal is taken by one conditional DELETE ({@link FactorRemoval}), so
 * two instances never both remove or audit one.
 */
@Component
public class RemovalJob {

	private static final Logger log = LoggerFactory.getLogger(RemovalJob.class);

	private static final int BATCH = 100;

	private final PendingRemovals removals;

	private final FactorRemoval removal;

	private final Clock clock;

	RemovalJob(PendingRemovals removals, FactorRemoval removal, Clock clock) {
		this.removals = removals;
		this.removal = removal;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void runScheduled() {
		try {
			int removed = removeDue();
			if (removed > 0) {
				log.info("Removed the second factors of {} accounts at operators' requests", removed);
			}
		}
		catch (RuntimeException ex) {
			// The database is down: nothing was taken, the next run tries again.
			log.warn("Due second-factor removals could not be carried out: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Carries out every due removal this call took; returns how many. Safe to call from
	 * anywhere at any time (tests call it instead of waiting for the schedule).
	 */
	public int removeDue() {
		Instant now = clock.instant();
		int removed = 0;
		for (UUID accountId : removals.due(now, BATCH)) {
			removed += removal.removeIfDue(accountId, now) ? 1 : 0;
		}
		return removed;
	}

}
