package org.accountsecurity.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forgot password at maximum throughput: closed loops of form, API and bare requests, 8
 * (and 64) clients; the form for 20 s, after which the time the mail outbox needs to send
 * what the window queued tells whether mail keeps up with the requests.
 */
final class ThroughputPhase implements Phase {

	private final String suffix;

	private final int[] clientCounts;

	/**
	 * The load of each kind and client count ("form8"), null where it did not run; null
	 * before the phase.
	 */
	private Map<String, Load.Result> max;

	/**
	 * The main column with 8 and 64 clients ({@code full}), or another column's 8 clients
	 * with a label suffix.
	 */
	ThroughputPhase(String suffix, boolean full) {
		this.suffix = suffix;
		this.clientCounts = full ? new int[] { 8, 64 } : new int[] { 8 };
	}

	@Override
	public String name() {
		return "throughput";
	}

	@Override
	public int seconds() {
		return 250;
	}

	Map<String, Load.Result> max() {
		return max;
	}

	@Override
	public void run(Run run) throws Exception {
		max = new LinkedHashMap<>();
		List<String> kinds = Arrays.asList(run.get("kinds", "bare,api,form").split(","));
		for (int clients : clientCounts) {
			for (String kind : List.of("bare", "api", "form")) {
				max.put(kind + clients, kinds.contains(kind)
						? closedLoop(run, kind, clients, run.requests.ofKind(kind), !"bare".equals(kind)) : null);
			}
		}
		if (!kinds.containsAll(List.of("bare", "api", "form"))) {
			return; // a profiling run: no table rows
		}
		Report report = run.report;
		report.section("Forgot password: maximum throughput (closed loop)" + suffix);
		for (int clients : clientCounts) {
			Load.Result form = max.get("form" + clients);
			Load.Result api = max.get("api" + clients);
			Load.Result bare = max.get("bare" + clients);
			report.row("Form (GET + POST), " + clients + " clients: POST/s" + suffix, Report.f0(form.rate()),
					String.format(Locale.ROOT, "Keycloak 347 → ×%.1f", form.rate() / 347), "≥ 1,750",
					form.rate() >= 1750);
			double perCpu = form.ops() / form.usage().total();
			Load.Usage drain = run.drainOf(form);
			if (drain != null) {
				report.row("Mail drain after the form's " + Report.f0(form.seconds()) + " s window, " + clients
						+ " clients" + suffix, Report.f1(drain.seconds()) + " s",
						String.format(Locale.ROOT, "%.0f mails queued per second; sending them took %.1f CPU-s",
								form.rate() / 2, drain.total()),
						"≤ 2 s", drain.seconds() <= 2);
			}
			double perCpuDrain = drain != null ? form.ops() / (form.usage().total() + drain.total()) : Double.NaN;
			report.row("Form, " + clients + " clients: POSTs per CPU-second (service+Redis+PostgreSQL)" + suffix,
					Report.f0(perCpu) + " (" + Report.f0(perCpuDrain) + " incl. sending the mails)",
					String.format(Locale.ROOT, "Keycloak 197 → ×%.1f; cores: service %.2f, Redis %.2f, PG %.2f",
							perCpu / 197, form.usage().service() / form.seconds(),
							form.usage().redis() / form.seconds(), form.usage().postgres() / form.seconds()),
					"≥ 985", clients == 8 ? perCpu >= 985 : null);
			double ratio = api.rate() / bare.rate();
			report.row("JSON API, " + clients + " clients: req/s" + suffix, Report.f0(api.rate()),
					String.format(Locale.ROOT, "bare endpoint %s req/s → %.0f %%", Report.f0(bare.rate()), ratio * 100),
					"≥ 50 % of bare", ratio >= 0.5);
			report.details.add(run.detail(form));
			report.details.add(run.detail(api));
			report.details.add(run.detail(bare));
		}
	}

	private static Load.Result closedLoop(Run run, String kind, int clients, Load.Task task, boolean mails)
			throws Exception {
		Run.log("closed loop %s, %d clients", kind, clients);
		Instant begin = Instant.now().plusMillis(run.ms(2000));
		long window = run.ms("form".equals(kind) ? 20_000 : 10_000);
		Load.Result r = Load.closed(kind, run.service.port, clients, run.ms(2000), window, Long.MAX_VALUE, task,
				run.meter);
		run.dumpJfr(kind + clients, begin, begin.plusMillis((long) (r.seconds() * 1000)));
		Load.Usage u = r.usage();
		Run.log("  %s x%d: %.0f/s, errors %d, cores service %.2f (JIT %.2f) redis %.2f pg %.2f driver %.2f other %.2f",
				kind, clients, r.rate(), r.errors(), u.service() / r.seconds(), u.jit() / r.seconds(),
				u.redis() / r.seconds(), u.postgres() / r.seconds(), u.driver() / r.seconds(),
				u.foreign() / r.seconds());
		if (mails) {
			Instant drainBegin = Instant.now();
			Load.Usage d = run.drainAfter(r, 90_000);
			run.dumpJfr(kind + clients + "-drain", drainBegin, Instant.now());
			Run.log("  outbox drained in %.1f s (cpu %.2f s)", d.seconds(), d.total());
		}
		return r;
	}

}
