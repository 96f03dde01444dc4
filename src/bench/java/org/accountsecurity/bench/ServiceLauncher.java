package org.accountsecurity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts the service under test for a run: production mode plus the profile
 * {@code bench}, on PostgreSQL or H2, with the run's Redis and SMTP sink, the configured
 * JVM options and, with {@code bench.cds}, class data sharing.
 */
final class ServiceLauncher {

	private ServiceLauncher() {
	}

	/**
	 * Starts the service as {@code run.service}; returns the seconds from launch to
	 * healthy, or -1 (the service is stopped then).
	 */
	static double start(Run run, String pgDatabase, String label) throws Exception {
		int port = Service.freePort();
		List<String> jvm = new ArrayList<>(split(run.get("service-jvm-options", "")));
		if (run.jfr && "main".equals(label)) {
			// one recording from the start (starting one later deoptimises compiled
			// code); each closed-loop phase's
			// window is dumped with jcmd JFR.dump begin/end (see ThroughputPhase)
			jvm.add("-XX:StartFlightRecording=name=bench,settings=profile,method-profiling=max,disk=true,maxage=30m");
			jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
		}
		List<String> args = arguments(run, port, pgDatabase);
		String java = run.get("java", "java");
		String cp = Files.readString(Path.of(run.get("service-classpath-file"))).trim();
		if ("true".equals(run.get("cds"))) {
			// Class data sharing as README's production section does it: one training
			// start that stops after the
			// context refresh and writes the archive, then every start maps it. Not
			// timed.
			// On JDK 25 the AOT cache (JEP 483/514/515) takes the place of the CDS archive.
			boolean aot = aotCache(run);
			Path archive = run.work.resolve("service-" + label + (aot ? ".aot" : ".jsa"));
			double trained = Service.trainCds(java, jvm, cp, args, archive, aot,
					run.work.resolve("service-" + label + "-cds-training.log"), run.work.resolve("service.pid"));
			Run.log("%s: training start took %.1f s, archive %s (%d MB)", aot ? "AOT cache" : "class data sharing",
					trained, archive.getFileName(), Files.exists(archive) ? Files.size(archive) >> 20 : 0);
			if (Files.exists(archive)) {
				jvm.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
			}
		}
		run.service = Service.start(java, jvm, cp, args, port, run.work.resolve("service-" + label + ".log"),
				run.work.resolve("service.pid"));
		double up = run.service.awaitHealthy(90_000);
		if (up < 0) {
			Run.log("the service did not become healthy; log tail:%n%s", run.service.logTail(40));
			run.service.close();
			return -1;
		}
		Run.log("service %s healthy after %.2f s (pid %d, port %d)", label, up, run.service.pid(), port);
		if ("main".equals(label)) {
			run.report.details.add(String.format(Locale.ROOT,
					"- Service command: `java %s -cp <runtime classpath + "
							+ "bench classes> org.accountsecurity.bench.server.BenchServer %s`",
					String.join(" ", jvm), redacted(String.join(" ", args))));
		}
		return up;
	}

	/** Whether the service's JDK has the AOT cache (JDK 25 and later). */
	static boolean aotCache(Run run) {
		return Integer.parseInt(run.get("java-feature", "17")) >= 25;
	}

	// No signing key here: BenchServer makes one in-process, so it is on no command line,
	// in no JFR recording and in
	// no report.
	private static List<String> arguments(Run run, int port, String pgDatabase) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + port,
				"--app.public-base-url=http://127.0.0.1:" + port, "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + run.get("redis-port"), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + run.sink.port(), "--app.password.bcrypt-cost=" + run.bcryptCost));
		if (pgDatabase != null) {
			args.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + run.get("pg-port", "5432") + "/"
					+ pgDatabase);
			args.add("--spring.datasource.username=" + run.get("pg-user", "postgres"));
			args.add("--spring.datasource.password=");
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			args.add("--spring.datasource.username=sa");
			args.add("--spring.datasource.password=");
		}
		String extra = run.get("service-args", "").trim();
		if (!extra.isEmpty()) {
			args.addAll(Arrays.asList(extra.split("\\s+(?=--)"))); // values may hold
																	// spaces
		}
		return args;
	}

	/**
	 * Settings as the report shows them: keys and passwords given through
	 * BENCH_SERVICE_ARGS are masked.
	 */
	static String redacted(String settings) {
		return settings.replaceAll("((?:signing-keys|pseudonym-key|password)=)\\S+", "$1<redacted>");
	}

	private static List<String> split(String s) {
		return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
	}

}
