package org.accountsecurity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code make bench}'s driver: starts the service (production mode + profile
 * {@code bench}) against the given PostgreSQL database, redis-server and its own
 * in-process SMTP sink, runs the phases in order and writes the table. Settings are
 * system properties {@code bench.*} (see scripts/bench.sh); a new figure is a new
 * {@link Phase} in {@link #phases}.
 */
public final class BenchDriver {

	private final Run run;

	/**
	 * Right after the start, before the seeding and the warm-up (alone with
	 * {@code bench.phases=startup}).
	 */
	private final StartupFootprintPhase startup = new StartupFootprintPhase();

	/** The phases of the main column after the warm-up, in the order they run. */
	private final List<Phase> phases;

	private BenchDriver(Run run) {
		this.run = run;
		ThroughputPhase throughput = new ThroughputPhase("", true);
		LinkOpenPhase links = new LinkOpenPhase();
		this.phases = List.of(throughput, new HalfRatePhase(throughput), new TimingGapPhase(""), links,
				new PasswordChangePhase(links), new SecondStepPhase(), new MailLatencyPhase(throughput), new LoadFootprintPhase(this.startup),
				new RedisMemoryPhase());
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> cfg = new LinkedHashMap<>();
		System.getProperties().forEach((k, v) -> {
			if (k.toString().startsWith("bench.")) {
				cfg.put(k.toString().substring(6), v.toString());
			}
		});
		for (String a : args) {
			if (a.startsWith("--") && a.contains("=")) {
				cfg.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
			}
		}
		Run run = new Run(cfg);
		// the service is the driver's child: never leave it running
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Service s = run.service;
			if (s != null && s.process.isAlive()) {
				s.process.destroyForcibly();
			}
		}));
		int code;
		try {
			code = new BenchDriver(run).run();
		}
		finally {
			run.sink.close();
		}
		System.exit(code);
	}

	private int run() throws Exception {
		Files.createDirectories(run.work);
		long redisPid = Long.parseLong(run.get("redis-pid", "-1"));
		String db = run.get("pg-database");
		if (db != null && db.isBlank()) {
			db = null;
		}
		RunHeader.write(run, db);
		Run.log("SMTP sink on 127.0.0.1:%d; starting the service (%s)", run.sink.port(),
				db != null ? "PostgreSQL" : "H2");
		if (ServiceLauncher.start(run, db, "main") < 0) {
			return 3;
		}
		run.meter = new CpuMeter(run.service.pid(), redisPid, db);
		try {
			startup.run(run);
			if ("startup".equals(run.get("phases", "all"))) {
				return finish();
			}
			Preparation.seedAndWarmUp(run);
			for (Phase phase : phases) {
				if (phase.ready() && selected(phase)) {
					phase.run(run);
				}
			}
		}
		finally {
			run.service.close();
		}
		if (db != null) {
			h2Column(redisPid);
		}
		return finish();
	}

	/**
	 * The second column: the same service on in-memory H2, its start-up, 8-client loads
	 * and timing gap.
	 */
	private void h2Column(long redisPid) throws Exception {
		if ("false".equals(run.get("h2")) || !run.timeLeft(150)) {
			run.report.notes.add("The H2 column was skipped (bench.h2=false or not enough time left in the budget).");
			return;
		}
		Run.log("second column: the same service on H2 (in-memory)");
		run.redis.flushAll();
		double up = ServiceLauncher.start(run, null, "h2");
		if (up < 0) {
			return;
		}
		run.report.section("H2 instead of PostgreSQL (second column, where it differs)");
		run.report.row("Start-up to healthy (H2)", Report.f2(up) + " s", "PostgreSQL run above", "≤ 2.7 s", up <= 2.7);
		run.meter = new CpuMeter(run.service.pid(), redisPid, null);
		try {
			Preparation.seedAndWarmUp(run);
			new ThroughputPhase(" (H2)", false).run(run);
			new TimingGapPhase(" (H2)").run(run);
		}
		finally {
			run.service.close();
		}
	}

	/**
	 * Whether a phase is selected ({@code bench.phases}, comma-separated; default all)
	 * and fits in the time left; a phase that does not fit is skipped with a note, so the
	 * table is always written.
	 */
	private boolean selected(Phase phase) {
		if (phase.always()) {
			return true;
		}
		String phases = run.get("phases", "all");
		if (!"all".equals(phases) && !Arrays.asList(phases.split(",")).contains(phase.name())) {
			return false;
		}
		long need = (long) (phase.seconds() * Math.min(1, run.scale) + 5);
		if (!run.timeLeft(need)) {
			run.report.notes.add("Skipped the phase \"" + phase.name() + "\": not enough time left in the budget.");
			Run.log("skipping %s: not enough time left", phase.name());
			return false;
		}
		return true;
	}

	private int finish() throws Exception {
		new JmhPhase().run(run);
		run.report.header.add("");
		run.report.header
			.add(String.format(Locale.ROOT, "Driver wall time: %.0f s.", (System.nanoTime() - run.startNanos) / 1e9));
		String md = run.report.markdown();
		Path out = Path.of(run.get("out", run.work.resolve("results.md").toString()));
		Files.writeString(out, md);
		Run.log("wrote %s", out);
		return 0;
	}

}
