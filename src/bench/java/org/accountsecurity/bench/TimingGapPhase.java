package org.accountsecurity.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The timing gap between existing and unknown addresses: shuffled, sequential requests on
 * one connection per endpoint, compared by medians, p90s, Mann–Whitney U and the best
 * threshold classifier. Forgot password on the form and the API, and (main column) the
 * sign-in form with a wrong password for an existing address vs an unknown address; a
 * sign-in costs a BCrypt run either way, so it gets fewer requests.
 */
final class TimingGapPhase implements Phase {

	private static final String PASSWORD = "not-the-password-0";

	private final String suffix;

	private final List<String> kinds;

	/**
	 * {@code suffix} labels the rows of a second column (" (H2)"); "" for the main one,
	 * which measures sign-in too.
	 */
	TimingGapPhase(String suffix) {
		this.suffix = suffix;
		this.kinds = suffix.isEmpty() ? List.of("form", "api", "signin") : List.of("form", "api");
	}

	@Override
	public String name() {
		return "timing";
	}

	@Override
	public int seconds() {
		return kinds.contains("signin") ? 35 + 175 : 35;
	}

	@Override
	public void run(Run run) throws Exception {
		int forgotN = (int) Math.max(300,
				Integer.parseInt(run.get("timing-per-class", "1000")) * Math.min(1, run.scale));
		int signInN = (int) Math.max(100, 300 * Math.min(1, run.scale));
		run.report.section("Timing gap: existing vs unknown address (sequential, interleaved, " + forgotN
				+ " per class; sign-in " + signInN + ")" + suffix);
		for (String kind : kinds) {
			int n = "signin".equals(kind) ? signInN : forgotN;
			List<Boolean> order = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				order.add(true);
				order.add(false);
			}
			Collections.shuffle(order, new Random(42));
			long[] existing = new long[n];
			long[] unknown = new long[n];
			int e = 0;
			int u = 0;
			int errors = 0;
			Run.log("timing gap %s: %d requests", kind, order.size());
			Requests requests = run.requests;
			try (Http http = new Http(run.service.port)) {
				// a few untimed rounds first
				for (int i = 0; i < ("signin".equals(kind) ? 10 : 50); i++) {
					send(kind, http, i % 2 == 0 ? requests.existingFromPoolA() : requests.unknownEmail());
				}
				for (boolean exists : order) {
					long t = send(kind, http, exists ? requests.existingFromPoolA() : requests.unknownEmail());
					if (t < 0) {
						errors++;
						continue;
					}
					if (exists) {
						existing[e++] = t;
					}
					else {
						unknown[u++] = t;
					}
				}
			}
			rows(run.report, kind, Arrays.copyOf(existing, e), Arrays.copyOf(unknown, u));
			if (errors > 0) {
				run.report.notes.add(label(kind) + " timing run" + suffix + ": " + errors
						+ " requests failed and were left out.");
			}
		}
		Load.Usage d = run.drain(60_000);
		Run.log("timing: outbox drained in %.1f s", d.seconds());
	}

	private static String label(String kind) {
		return switch (kind) {
			case "form" -> "Form POST";
			case "api" -> "JSON API POST";
			default -> "Sign-in POST (wrong password)";
		};
	}

	private void rows(Report report, String kind, long[] existing, long[] unknown) {
		boolean form = "form".equals(kind);
		long[] es = Stats.sorted(existing);
		long[] us = Stats.sorted(unknown);
		double me = Stats.median(es);
		double mu = Stats.median(us);
		Stats.MannWhitney mw = Stats.mannWhitney(existing, unknown);
		Stats.Threshold th = Stats.bestThreshold(existing, unknown);
		double cv = Stats.crossValidated(existing, unknown);
		String what = label(kind);
		double delta = me - mu;
		report.row(what + ": median existing / unknown (Δ)" + suffix,
				Report.ms(me) + " / " + Report.ms(mu) + " (Δ " + String.format(Locale.ROOT, "%+.3f ms", delta / 1e6)
						+ ")",
				form ? "Keycloak 7.1 / 2.7 ms (Δ 4.4 ms)" : "", "|Δ median| < 0.5 ms", Math.abs(delta) < 0.5e6);
		report.row(what + ": p90 existing / unknown (Δ)" + suffix,
				Report.ms(Stats.percentile(es, 90)) + " / " + Report.ms(Stats.percentile(us, 90)) + " (Δ " + String
					.format(Locale.ROOT, "%+.3f ms", (Stats.percentile(es, 90) - Stats.percentile(us, 90)) / 1e6) + ")",
				"", "", null);
		report.row(what + ": Mann–Whitney U p-value" + suffix, Report.p(mw.p()),
				String.format(Locale.ROOT, "U = %.0f, z = %.2f", mw.u(), mw.z()), "p > 0.01", mw.p() > 0.01);
		report.row(what + ": best threshold classifier accuracy" + suffix, Report.pct(th.accuracy()),
				String.format(Locale.ROOT, "%sKeycloak 94 %%; cut %s (%s = exists); 2-fold cross-validated %s", "",
						Report.ms(th.cut()), th.existingSlower() ? "slower" : "faster", Report.pct(cv)),
				"≤ 55 %", th.accuracy() <= 0.55);
	}

	private static long send(String kind, Http http, String email) throws IOException {
		return switch (kind) {
			case "form" -> Requests.formOnce(http, null, email);
			case "api" -> Requests.apiOnce(http, email);
			default -> Requests.signInOnce(http, email, PASSWORD);
		};
	}

}
