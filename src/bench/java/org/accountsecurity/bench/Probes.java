package org.accountsecurity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open-loop probes at 10/s each, run beside another load to see what that load does to
 * everyone else.
 */
final class Probes {

	private final Map<String, Load.Result> results = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	/**
	 * Starts each probe after {@code delayMillis}, for {@code millis}, on daemon threads.
	 */
	Probes(int port, Map<String, Load.Task> tasks, long delayMillis, long millis) {
		for (Map.Entry<String, Load.Task> p : tasks.entrySet()) {
			Thread t = new Thread(() -> {
				try {
					Thread.sleep(delayMillis);
					results.put(p.getKey(), Load.open("probe-" + p.getKey(), port, 10, millis, 8, p.getValue(), null));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
	}

	/** Waits for the probes to end; the results by name. */
	Map<String, Load.Result> await() throws InterruptedException {
		for (Thread t : threads) {
			t.join(120_000);
		}
		return results;
	}

}
