package org.accountsecurity.bench;

import java.util.List;
import java.util.Map;

/** Latency at half the best closed-loop rate of each kind (open loop, 32 connections). */
final class HalfRatePhase implements Phase {

	private final ThroughputPhase throughput;

	HalfRatePhase(ThroughputPhase throughput) {
		this.throughput = throughput;
	}

	@Override
	public String name() {
		return "half";
	}

	@Override
	public int seconds() {
		return 70;
	}

	@Override
	public boolean ready() {
		return throughput.max() != null;
	}

	@Override
	public void run(Run run) throws Exception {
		Map<String, Load.Result> max = throughput.max();
		if (max.containsValue(null)) {
			return;
		}
		run.report.section("Forgot password: latency at half the maximum rate (open loop)");
		for (String kind : List.of("bare", "api", "form")) {
			double best = Math.max(max.get(kind + "8").rate(),
					max.containsKey(kind + "64") ? max.get(kind + "64").rate() : 0);
			double rate = Math.max(1, best / 2);
			Run.log("open loop %s at %.0f/s", kind, rate);
			Load.Result r = Load.open(kind + "-half", run.service.port, rate, run.ms(10_000), 32,
					run.requests.ofKind(kind), run.meter);
			if (!"bare".equals(kind)) {
				run.drainAfter(r, 90_000);
			}
			long[] post = r.latencies("post");
			long[] sched = r.latencies("sched");
			double p99 = Stats.percentile(post, 99);
			String label = switch (kind) {
				case "bare" -> "Bare endpoint (POST /bench/bare)";
				case "api" -> "JSON API (POST /api/v1/password-resets)";
				default -> "Form POST /password/forgot (after its GET)";
			};
			run.report.row(label + " at " + Report.f0(rate) + "/s: p50 / p99",
					Report.ms(Stats.percentile(post, 50)) + " / " + Report.ms(p99),
					("form".equals(kind) ? "Keycloak p99 81 ms; " : "") + "from schedule: p99 "
							+ Report.ms(Stats.percentile(sched, 99)) + ", errors " + r.errors(),
					"bare".equals(kind) ? "" : "p99 < 10 ms", "bare".equals(kind) ? null : p99 < 10e6);
			run.report.details.add(run.detail(r));
		}
	}

}
