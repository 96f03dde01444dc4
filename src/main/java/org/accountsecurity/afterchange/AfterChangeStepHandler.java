package org.accountsecurity.afterchange;

import org.accountsecurity.requester.RequestOrigin;

/**
 * Does the steps of one kind. A step may run more than once (a retry after a failure that
 * came after its work was done), so {@link #run} must be idempotent.
 */
public interface AfterChangeStepHandler {

	String kind();

	/**
	 * Does the step; throws when it could not (it is retried later). {@code origin} is
	 * the request's own right after the change, the request id alone on a retry.
	 */
	void run(AfterChangeStep step, RequestOrigin origin);

}
