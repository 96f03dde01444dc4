package org.accountsecurity.bench;

/**
 * One measurement of {@code make bench} and its rows in the table. A new figure is a new
 * phase in {@link BenchDriver}'s list.
 */
interface Phase {

	/** Its name in {@code bench.phases}. */
	String name();

	/**
	 * Seconds it needs at scale 1 (drains of the mail outbox included), for the time
	 * budget.
	 */
	default int seconds() {
		return 30;
	}

	/**
	 * Whether it runs whatever {@code bench.phases} selects (and whatever time is left).
	 */
	default boolean always() {
		return false;
	}

	/**
	 * Whether it can run now (e.g. the half-rate phase needs the rates of the throughput
	 * phase).
	 */
	default boolean ready() {
		return true;
	}

	void run(Run run) throws Exception;

}
