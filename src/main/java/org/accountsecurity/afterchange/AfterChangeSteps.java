package org.accountsecurity.afterchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accountsecurity.afterchange.AfterChangeStep.Planned;
import org.accountsecurity.requester.RequestOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the steps of a change in its transaction ({@link #record}), tries them right
 * after the commit ({@link #runNow}) and again, until done, from the
 * {@code AfterChangeWorker} ({@link #runDue}). A step that fails stays recorded, so a
 * Redis outage right after the change delays the steps and never drops them; the answer
 * to the person can then say the truth: the change is made.
 */
@Service
public class AfterChangeSteps {

	private static final Logger log = LoggerFactory.getLogger(AfterChangeSteps.class);

	private static final int BATCH = 100;

	private final PendingSteps pending;

	private final Map<String, AfterChangeStepHandler> handlers;

	private final AfterChangeProperties properties;

	private final Clock clock;

	AfterChangeSteps(PendingSteps pending, List<AfterChangeStepHandler> handlers, AfterChangeProperties properties,
			Clock clock, MeterRegistry meters) {
		this.pending = pending;
		this.handlers = handlers.stream().collect(Collectors.toMap(AfterChangeStepHandler::kind, Function.identity()));
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("afterchange.steps.pending", this, AfterChangeSteps::countPending)
			.description("Steps after a credential change (revoke links, end sessions, notice) not done yet")
			.register(meters);
	}

	/**
	 * Records {@code steps} for the account inside the caller's transaction (there must
	 * be one): they exist if and only if the change commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AfterChangeStep> record(UUID accountId, RequestOrigin origin, Planned... steps) {
		Instant now = clock.instant();
		List<AfterChangeStep> recorded = new ArrayList<>();
		for (Planned planned : steps) {
			if (!handlers.containsKey(planned.kind())) {
				throw new IllegalArgumentException("No handler for after-change step " + planned.kind());
			}
			AfterChangeStep step = new AfterChangeStep(UUID.randomUUID(), accountId, planned.kind(), planned.detail(),
					origin.requestId(), now, 0);
			pending.insert(step, now.plus(properties.retryDelay()));
			recorded.add(step);
		}
		return recorded;
	}

	/**
	 * Runs the just committed steps in order, in the request's thread; never throws.
	 * Stops at the first that fails (its dependency is likely down) and leaves it and the
	 * rest to the worker. Returns true when all are done.
	 */
	public boolean runNow(List<AfterChangeStep> steps, RequestOrigin origin) {
		for (AfterChangeStep step : steps) {
			if (attempt(step, origin) == Attempt.FAILED) {
				return false;
			}
		}
		return true;
	}

	/** Retries the steps that are due; returns how many were done. */
	int runDue() {
		int done = 0;
		for (AfterChangeStep step : pending.due(clock.instant(), BATCH)) {
			Attempt attempt = attempt(step, new RequestOrigin(null, null, step.requestId()));
			if (attempt == Attempt.FAILED) {
				break;
			}
			done += (attempt == Attempt.DONE) ? 1 : 0;
		}
		return done;
	}

	private Attempt attempt(AfterChangeStep step, RequestOrigin origin) {
		try {
			if (!pending.claim(step, clock.instant().plus(properties.delayAfter(step.attempts() + 1)))) {
				// Another attempt has it; it is done by now or scheduled again.
				return Attempt.SKIPPED;
			}
			run(step, origin);
			pending.delete(step.id());
			return Attempt.DONE;
		}
		catch (RuntimeException ex) {
			// The step stays recorded: it is retried when its next attempt is due.
			log.warn("After-change step {} of account {} failed (attempt {}), retried later: {}", step.kind(),
					step.accountId(), step.attempts() + 1, ex.getClass().getSimpleName());
			return Attempt.FAILED;
		}
	}

	// Each step is idempotent, so one quick retry is safe: it rides over a connection
	// that broke (a pooled one after a Redis restart) without waiting for the worker.
	private void run(AfterChangeStep step, RequestOrigin origin) {
		AfterChangeStepHandler handler = handlers.get(step.kind());
		try {
			handler.run(step, origin);
		}
		catch (DataAccessException ex) {
			handler.run(step, origin);
		}
	}

	private enum Attempt {

		DONE, SKIPPED, FAILED

	}

	private double countPending() {
		try {
			return pending.count();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
