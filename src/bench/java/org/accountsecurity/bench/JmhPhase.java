package org.accountsecurity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The micro-benchmarks' rows: scripts/bench.sh runs JMH before the driver; this reads its
 * JSON.
 */
final class JmhPhase implements Phase {

	@Override
	public String name() {
		return "jmh";
	}

	@Override
	public void run(Run run) throws Exception {
		run.report.section("Micro-benchmarks (JMH " + run.get("jmh-settings", "") + ")");
		Path json = Path.of(run.get("jmh-json", "none"));
		if (!Files.exists(json)) {
			run.report.row("JMH", "not run", "see the script's output", "", null);
			return;
		}
		for (JsonNode benchmark : JsonMapper.builder().build().readTree(json.toFile())) {
			JsonNode metric = benchmark.path("primaryMetric");
			String name = benchmark.path("benchmark")
				.asString()
				.replaceAll("^.*\\.([A-Za-z]+Bench\\.[A-Za-z]+)$", "$1");
			run.report.row(name, fmt(metric.path("score").asString()) + " " + metric.path("scoreUnit").asString(),
					"± " + fmt(metric.path("scoreError").asString()) + " (99.9 % CI)", "", null);
		}
	}

	private static String fmt(String number) {
		try {
			double v = Double.parseDouble(number.replace("\"", ""));
			return v >= 100 ? Report.f0(v) : v >= 10 ? Report.f1(v) : String.format(Locale.ROOT, "%.3f", v);
		}
		catch (NumberFormatException ex) {
			return number;
		}
	}

}
