package org.accountsecurity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * make soak (scripts/soak.sh): starts the service as make bench does (production mode,
 * its own Redis, PostgreSQL when it answers, the SMTP sink), runs the mixed load of
 * {@link SoakLoad} for {@code soak.minutes}, samples the footprint ({@link SoakSampler})
 * once per {@code soak.sample-seconds} and prints each metric's slope per hour. It
 * measures; it fails nothing.
 */
public final class SoakDriver {

	private SoakDriver() {
	}

	public static void main(String[] args) throws Exception {
		double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
		long sampleMillis = Long.parseLong(System.getProperty("soak.sample-seconds", "60")) * 1000;
		int workers = Integer.parseInt(System.getProperty("soak.workers", "4"));
		long thinkMillis = Long.parseLong(System.getProperty("soak.think-millis", "100"));
		int redisPort = Integer.getInteger("soak.redis-port");
		String pgDatabase = System.getProperty("soak.pg-database", "");
		Path work = Path.of(System.getProperty("soak.work"));
		String jdbc = pgDatabase.isEmpty() ? null : "jdbc:postgresql://127.0.0.1:5432/" + pgDatabase;
		try (SmtpSink sink = new SmtpSink()) {
			int port = Service.freePort();
			List<String> serviceArgs = new ArrayList<>(List.of("--server.port=" + port,
					"--app.public-base-url=http://127.0.0.1:" + port, "--spring.data.redis.host=127.0.0.1",
					"--spring.data.redis.port=" + redisPort, "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + sink.port(), "--app.password.bcrypt-cost=10",
					"--app.bootstrap.operator-email=" + SoakLoad.OPERATOR_EMAIL,
					"--app.bootstrap.operator-password=" + SoakLoad.OPERATOR_PASSWORD,
					jdbc == null ? "--spring.datasource.url=jdbc:h2:mem:soak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
							+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" : "--spring.datasource.url=" + jdbc,
					"--spring.datasource.username=" + (jdbc == null ? "sa" : "postgres"),
					"--spring.datasource.password="));
			List<String> jvm = List.of(System.getProperty("soak.service-jvm-options", "").trim().split("\\s+"));
			String cp = Files.readString(Path.of(System.getProperty("soak.service-classpath-file"))).trim();
			try (Service service = Service.start(System.getProperty("soak.java", "java"),
					jvm.get(0).isEmpty() ? List.of() : jvm, cp, serviceArgs, port, work.resolve("service.log"),
					work.resolve("service.pid"))) {
				if (service.awaitHealthy(900_000) < 0) {
					Run.log("the service did not become healthy:%n%s", service.logTail(40));
					System.exit(2);
				}
				try (Http http = new Http(port, 120_000)) {
					Run.log("seeding: %s", http.post("/bench/seed?from=0&count=300", null,
							"application/x-www-form-urlencoded", "", true).body());
				}
				run(new SoakLoad(port, 300, sink), new SoakSampler(service.pid(), redisPort, jdbc), minutes,
						sampleMillis, workers, thinkMillis, work);
			}
		}
	}

	private static void run(SoakLoad load, SoakSampler sampler, double minutes, long sampleMillis, int workers,
			long thinkMillis, Path work) throws Exception {
		long start = System.nanoTime();
		long end = start + (long) (minutes * 60e9);
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			Random random = new Random(w);
			Thread t = new Thread(() -> {
				while (System.nanoTime() < end) {
					try {
						load.visit(random);
						Thread.sleep(thinkMillis);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "soak-" + w);
			t.start();
			threads.add(t);
		}
		Map<Double, Map<String, Double>> samples = new LinkedHashMap<>();
		while (true) {
			double hours = (System.nanoTime() - start) / 3.6e12;
			Map<String, Double> sample = sampler.sample();
			samples.put(hours, sample);
			Run.log("sample at %.1f min: %s; load so far %s", hours * 60, sample, load.counts);
			if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sampleMillis) > end + 5_000_000_000L) {
				break;
			}
			Thread.sleep(sampleMillis);
		}
		for (Thread t : threads) {
			t.join(120_000);
		}
		String table = table(samples, load, minutes);
		System.out.println(table);
		Files.writeString(work.resolve("soak.md"), table);
	}

	private static String table(Map<Double, Map<String, Double>> samples, SoakLoad load, double minutes) {
		TreeSet<String> metrics = new TreeSet<>();
		samples.values().forEach(s -> metrics.addAll(s.keySet()));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"# Soak: %.0f minutes, %d samples%n%n| metric | first | last | min | max | slope per hour |%n"
						+ "|---|---:|---:|---:|---:|---:|%n",
				minutes, samples.size()));
		for (String metric : metrics) {
			List<double[]> points = new ArrayList<>();
			samples.forEach((h, s) -> {
				if (s.containsKey(metric)) {
					points.add(new double[] { h, s.get(metric) });
				}
			});
			double min = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
			double max = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
			out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %+.1f |%n", metric,
					points.get(0)[1], points.get(points.size() - 1)[1], min, max, slope(points)));
		}
		out.append("\nLoad (visits by scenario and outcome): ").append(new java.util.TreeMap<>(load.counts)).append('\n');
		return out.toString();
	}

	/** Least-squares slope of value over hours; 0 with fewer than two points. */
	static double slope(List<double[]> points) {
		int n = points.size();
		if (n < 2) {
			return 0;
		}
		double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
		double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
		double num = 0;
		double den = 0;
		for (double[] p : points) {
			num += (p[0] - mx) * (p[1] - my);
			den += (p[0] - mx) * (p[0] - mx);
		}
		return den == 0 ? 0 : num / den;
	}

}
