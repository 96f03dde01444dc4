package org.accountsecurity.afterchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes, every {@code app.after-change.retry-delay}, the steps that could not be done
 * right after their change (on any instance: a claimed row runs once at a time).
 */
@Component
class AfterChangeWorker {

	private static final Logger log = LoggerFactory.getLogger(AfterChangeWorker.class);

	private final AfterChangeSteps steps;

	AfterChangeWorker(AfterChangeSteps steps) {
		this.steps = steps;
	}

	@Scheduled(fixedDelayString = "${app.after-change.retry-delay:PT5S}",
			initialDelayString = "${app.after-change.retry-delay:PT5S}")
	void retryDue() {
		try {
			int done = steps.runDue();
			if (done > 0) {
				log.info("Finished {} after-change steps that had failed before", done);
			}
		}
		catch (RuntimeException ex) {
			// The database is down: nothing was claimed, the next run tries again.
			log.warn("After-change steps could not be read: {}", ex.getClass().getSimpleName());
		}
	}

}
