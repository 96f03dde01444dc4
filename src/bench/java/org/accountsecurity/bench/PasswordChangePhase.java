package org.accountsecurity.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Password changes ({@code POST /api/v1/password-resets/complete}, 8 clients) against raw
 * BCrypt; then, in a second window of changes, probes of the other endpoints while BCrypt
 * saturates the CPU.
 */
final class PasswordChangePhase implements Phase {

	private final LinkOpenPhase links;

	PasswordChangePhase(LinkOpenPhase links) {
		this.links = links;
	}

	@Override
	public String name() {
		return "change";
	}

	@Override
	public int seconds() {
		return 70;
	}

	@Override
	public void run(Run run) throws Exception {
		Report report = run.report;
		report.section("Password change (POST /api/v1/password-resets/complete) vs raw BCrypt, cost " + run.bcryptCost);
		int threads = Runtime.getRuntime().availableProcessors();
		double rawRate = RawBcrypt.rate(run, threads);

		List<String> pool = new ArrayList<>(MailedLinks.fetch(run, Requests.POOL_C, 300).values());
		AtomicInteger next = new AtomicInteger();
		// The rate of changes alone, then a second window with the probes: the probes
		// (and the driver sending them) would take their CPU out of the rate.
		Load.Result changes = Load.closed("change", run.service.port, 8, run.ms(2000), run.ms(12_000), pool.size(),
				changeTask(pool, next), run.meter);
		long window = run.ms(16_000);
		Probes probes = new Probes(run.service.port, probeTasks(run), run.ms(3000), window - run.ms(4000));
		Instant changeBegin = Instant.now();
		long checkpointsBefore = Checkpoints.buffers(run);
		Load.closed("change-probed", run.service.port, 8, run.ms(2000), window, pool.size(), changeTask(pool, next),
				run.meter);
		long checkpoints = Checkpoints.between(checkpointsBefore, Checkpoints.buffers(run));
		run.dumpJfr("change", changeBegin, Instant.now());
		Map<String, Load.Result> probed = probes.await();
		long changed = Load.Recorder.merge(changes.recorders(), "done").length;
		double rate = changed / changes.seconds();
		Load.Usage u = changes.usage();
		report.row("Raw BCrypt (BCrypt.hashpw, " + threads + " threads, service idle): hashes/s", Report.f2(rawRate),
				"the physical limit", "", null);
		report.row("Password changes/s, 8 clients", Report.f2(rate),
				String.format(Locale.ROOT, "%.0f %% of raw BCrypt; CPU busy %.2f of %d cores (service %.2f)",
						rate / rawRate * 100, u.machine() / u.seconds(), threads, u.service() / u.seconds()),
				"", null);
		// With app.password.history = 1 (the default) a change runs BCrypt twice: the
		// check that the new password is
		// not the current one (a verify at the stored cost), then the new hash.
		report.row("BCrypt runs per second spent on those changes (2 per change: history check + new hash)",
				Report.f2(2 * rate), String.format(Locale.ROOT, "%.0f %% of raw BCrypt", 2 * rate / rawRate * 100),
				"≥ 90 % of raw", 2 * rate / rawRate >= 0.9);
		if (changed < changes.ops() - changes.errors() || changes.errors() > 0) {
			report.notes.add("Password changes: " + changes.errors() + " of the completions failed.");
		}
		if (next.get() >= pool.size()) {
			report.notes.add("Password changes ran out of reset links (" + pool.size() + ") before the window ended.");
		}
		long[] cl = changes.latencies("post");
		report.details.add(String.format(Locale.ROOT,
				"- password change, 8 clients: %d changes in %.1f s; latency p50 %s p99 %s; CPU cores: service %.2f, "
						+ "Redis %.2f, PostgreSQL %.2f, driver %.2f, other %.2f",
				changed, changes.seconds(), Report.ms(Stats.percentile(cl, 50)), Report.ms(Stats.percentile(cl, 99)),
				u.service() / u.seconds(), u.redis() / u.seconds(), u.postgres() / u.seconds(),
				u.driver() / u.seconds(), u.foreign() / u.seconds()));
		for (Map.Entry<String, Load.Result> p : probed.entrySet()) {
			long[] lat = p.getValue().latencies("post");
			double p99 = Stats.percentile(lat, 99);
			String label = switch (p.getKey()) {
				case "form" -> "Form POST /password/forgot (10/s)";
				case "api" -> "JSON API forgot (10/s)";
				default -> "Link open (10/s)";
			};
			report.row("While changes saturate the CPU: " + label + " p50 / p99",
					Report.ms(Stats.percentile(lat, 50)) + " / " + Report.ms(p99),
					"from schedule p99 " + Report.ms(Stats.percentile(p.getValue().latencies("sched"), 99))
							+ ", errors " + p.getValue().errors() + Checkpoints.note(checkpoints),
					"p99 < 50 ms", p99 < 50e6);
		}
		run.drain(60_000);
	}

	/**
	 * Each iteration completes the next link with a new password; idles once the links
	 * are used up.
	 */
	private static Load.Task changeTask(List<String> pool, AtomicInteger next) {
		Random random = new Random();
		return (http, rec, seq) -> {
			int i = next.getAndIncrement();
			if (i >= pool.size()) {
				Thread.sleep(5);
				return true;
			}
			String pw = randomPassword(random);
			long t0 = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets/complete", null, "application/json",
					"{\"token\":\"" + pool.get(i) + "\",\"newPassword\":\"" + pw + "\"}", true);
			rec.record("post", System.nanoTime() - t0);
			rec.record("done", 1);
			return Load.expect("POST /api/v1/password-resets/complete", r, 204);
		};
	}

	private Map<String, Load.Task> probeTasks(Run run) {
		Map<String, Load.Task> tasks = new LinkedHashMap<>();
		tasks.put("form", run.requests.formTask(run.requests::mixed));
		tasks.put("api", run.requests.apiTask(run.requests::mixed));
		if (links.hasLinks()) {
			tasks.put("link", links.openTask());
		}
		return tasks;
	}

	static String randomPassword(Random random) {
		String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder sb = new StringBuilder();
		for (int w = 0; w < 5; w++) {
			if (w > 0) {
				sb.append(' ');
			}
			for (int i = 0; i < 5; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return sb.toString();
	}

}
