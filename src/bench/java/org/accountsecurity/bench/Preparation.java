package org.accountsecurity.bench;

import java.util.Locale;

/** What every column does before its phases: seed the accounts, then warm the JIT up. */
final class Preparation {

	private Preparation() {
	}

	static void seedAndWarmUp(Run run) throws Exception {
		seed(run);
		warmUp(run);
	}

	private static void seed(Run run) throws Exception {
		// one transaction of 12,600 inserts: far longer than a request of the loads on a busy machine
		try (Http http = new Http(run.service.port, 300_000)) {
			long t0 = System.nanoTime();
			Http.Response r = http.post("/bench/seed?from=0&count=" + Requests.ACCOUNTS, null, "application/json", "",
					true);
			if (r.status() != 200) {
				throw new IllegalStateException("seeding failed: " + r.status() + " " + r.body());
			}
			Run.log("seeded %d accounts in %.1f s", Requests.ACCOUNTS, (System.nanoTime() - t0) / 1e9);
		}
	}

	/**
	 * Warms the JIT up: rounds of form, API and bare load until the JIT compiler threads
	 * use less than 0.15 of a core over a round (at least 2 rounds, at most
	 * {@code bench.warmup-max-seconds}), then empties the outbox.
	 */
	private static void warmUp(Run run) throws Exception {
		long max = (long) (Long.parseLong(run.get("warmup-max-seconds", "60")) * 1000 * Math.min(1, run.scale * 2));
		Requests requests = run.requests;
		int port = run.service.port;
		long pid = run.service.pid();
		long t0 = System.nanoTime();
		int rounds = 0;
		double jit = Double.NaN;
		while (true) {
			long c0 = Procs.threadTicks(pid, "C2 Compiler") + Procs.threadTicks(pid, "C1 Compiler");
			long r0 = System.nanoTime();
			Load.closed("warm-form", port, 8, 0, run.ms(4000), Long.MAX_VALUE, requests.formTask(requests::mixed),
					null);
			Load.closed("warm-api", port, 8, 0, run.ms(3000), Long.MAX_VALUE, requests.apiTask(requests::mixed), null);
			Load.closed("warm-bare", port, 8, 0, run.ms(2000), Long.MAX_VALUE, requests.bareTask(), null);
			long c1 = Procs.threadTicks(pid, "C2 Compiler") + Procs.threadTicks(pid, "C1 Compiler");
			jit = (c1 - c0) / Procs.TICKS_PER_SECOND / ((System.nanoTime() - r0) / 1e9);
			rounds++;
			Run.log("warm-up round %d: JIT compiler threads used %.2f cores", rounds, jit);
			run.drain(60_000);
			if (rounds >= 2 && jit < 0.15 || (System.nanoTime() - t0) / 1e6 > max) {
				break;
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Run.log("warm-up done after %d rounds, %.0f s", rounds, seconds);
		run.report.details.add(String.format(Locale.ROOT, "- Warm-up: %d rounds of form/API/bare load in %.0f s; the "
				+ "JIT compiler threads used %.2f cores in the last round.", rounds, seconds, jit));
	}

}
