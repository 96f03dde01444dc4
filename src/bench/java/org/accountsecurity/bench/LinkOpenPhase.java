package org.accountsecurity.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Opening reset links: {@code GET /password/reset?token=…} (303 to the form, session
 * created), 1 and 8 clients.
 */
final class LinkOpenPhase implements Phase {

	/**
	 * The links read out of the sink, also opened by the password-change phase's probes.
	 */
	private List<String> tokens = List.of();

	@Override
	public String name() {
		return "link";
	}

	@Override
	public int seconds() {
		return 25;
	}

	boolean hasLinks() {
		return !tokens.isEmpty();
	}

	Load.Task openTask() {
		return (http, rec, seq) -> {
			String token = tokens.get((int) (seq % tokens.size()));
			long t0 = System.nanoTime();
			Http.Response r = http.get("/password/reset?token=" + token + "&lang=en", null, true);
			rec.record("post", System.nanoTime() - t0);
			return Load.expect("GET /password/reset", r, 303);
		};
	}

	@Override
	public void run(Run run) throws Exception {
		Report report = run.report;
		report.section("Link open: GET /password/reset?token=… (303 to the form, session created)");
		tokens = new ArrayList<>(MailedLinks.fetch(run, Requests.POOL_L, 200).values());
		if (tokens.isEmpty()) {
			report.row("Link open p50 / p99", "n/a (no links arrived)", "", "p99 < 5 ms", false);
			return;
		}
		int n = (int) Math.max(500, 3000 * Math.min(1, run.scale));
		int port = run.service.port;
		Load.Result seqRun = Load.closed("link-open", port, 1, run.ms(1000), 60_000, n, openTask(), run.meter);
		long[] lat = seqRun.latencies("post");
		double p99 = Stats.percentile(lat, 99);
		report.row("Link open, sequential (1 client): p50 / p99",
				Report.ms(Stats.percentile(lat, 50)) + " / " + Report.ms(p99),
				lat.length + " opens, errors " + seqRun.errors(), "p99 < 5 ms", p99 < 5e6);
		Load.Result c8 = Load.closed("link-open", port, 8, run.ms(1000), run.ms(6000), Long.MAX_VALUE, openTask(),
				run.meter);
		long[] lat8 = c8.latencies("post");
		report.row(
				"Link open, 8 clients: opens/s, p50 / p99", Report.f0(c8.rate()) + "/s, "
						+ Report.ms(Stats.percentile(lat8, 50)) + " / " + Report.ms(Stats.percentile(lat8, 99)),
				"errors " + c8.errors(), "", null);
		report.details.add(run.detail(c8));
	}

}
