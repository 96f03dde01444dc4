package org.accountsecurity.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accountsecurity.bench.server.SeedController;
import org.accountsecurity.support.Authenticator;

/**
 * The second step of a sign-in with TOTP: accounts get TOTP through the application's own
 * enrolment ({@code POST /bench/seed-totp}), then each signs in once, sequentially, as a
 * new visitor: {@code GET /login}, {@code POST /login} (the password: a BCrypt run),
 * {@code GET /login/second-factor}, {@code POST /login/second-factor} with the code of the
 * next time step (one step of drift is allowed; the enrolment used the current one). The
 * figure is the last POST's latency: what the second factor adds to a sign-in.
 */
final class SecondStepPhase implements Phase {

	private static final Pattern SECRET = Pattern.compile("\"([^\"]+@[^\"]+)\"\\s*:\\s*\"([A-Z2-7]+)\"");

	@Override
	public String name() {
		return "second";
	}

	@Override
	public int seconds() {
		return 60;
	}

	@Override
	public void run(Run run) throws Exception {
		run.report.section("Sign-in with TOTP: the second step (sequential, one sign-in per account)");
		int count = (int) Math.max(30, 100 * Math.min(1, run.scale));
		Map<String, String> secrets = new LinkedHashMap<>();
		try (Http http = new Http(run.service.port)) {
			Http.Response seeded = http.post("/bench/seed-totp?from=" + Requests.POOL_T + "&count=" + count, null,
					"application/json", "", true);
			Matcher m = SECRET.matcher(seeded.body());
			while (m.find()) {
				secrets.put(m.group(1), m.group(2));
			}
		}
		Run.log("second step: %d accounts with TOTP", secrets.size());
		List<Long> passwordStep = new ArrayList<>();
		List<Long> secondStep = new ArrayList<>();
		int errors = 0;
		for (Map.Entry<String, String> account : secrets.entrySet()) {
			long[] times;
			try (SoakSession visitor = new SoakSession(run.service.port)) {
				times = signIn(visitor, account.getKey(), new Authenticator(account.getValue()));
			}
			if (times == null) {
				errors++;
				continue;
			}
			passwordStep.add(times[0]);
			secondStep.add(times[1]);
		}
		long[] second = Stats.sorted(secondStep.stream().mapToLong(Long::longValue).toArray());
		long[] first = Stats.sorted(passwordStep.stream().mapToLong(Long::longValue).toArray());
		if (second.length == 0) {
			run.report.row("Second step: POST /login/second-factor p50 / p99", "n/a (no sign-in succeeded)", "",
					"reported", false);
			return;
		}
		run.report.row("Second step: POST /login/second-factor (TOTP) p50 / p99",
				Report.ms(Stats.percentile(second, 50)) + " / " + Report.ms(Stats.percentile(second, 99)),
				second.length + " sign-ins, errors " + errors + "; the password step before it (a BCrypt run): p50 "
						+ Report.ms(Stats.percentile(first, 50)),
				"reported", errors == 0);
		run.drain(60_000); // the new-device mails of these sign-ins
	}

	/**
	 * A new visitor's sign-in: {password POST, code POST} latencies in ns, or null when an
	 * answer was wrong.
	 */
	private static long[] signIn(SoakSession visitor, String email, Authenticator app) throws IOException {
		if (!Load.expect("GET /login", visitor.get("/login"), 200)) {
			return null;
		}
		long t0 = System.nanoTime();
		Http.Response password = visitor.post("/login", "username", email, "password", SeedController.PASSWORD);
		long t1 = System.nanoTime();
		if (!Load.expect("POST /login", password, 302) || password.location() == null
				|| !password.location().contains("/login/second-factor")) {
			return null;
		}
		if (!Load.expect("GET /login/second-factor", visitor.get("/login/second-factor"), 200)) {
			return null;
		}
		String code = app.code(Instant.now().plusSeconds(30));
		long t2 = System.nanoTime();
		Http.Response done = visitor.post("/login/second-factor", "code", code);
		long t3 = System.nanoTime();
		boolean signedIn = Load.expect("POST /login/second-factor", done, 302) && done.location() != null
				&& !done.location().contains("/login");
		return signedIn ? new long[] { t1 - t0, t3 - t2 } : null;
	}

}
