package org.accountsecurity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table of {@code make bench}, plus the notes and details below it, as Markdown. */
final class Report {

	/** One row; {@code met} is null where there is no target. */
	record Row(String metric, String value, String reference, String target, Boolean met) {
	}

	final List<Row> rows = new ArrayList<>();

	final List<String> header = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	final List<String> details = new ArrayList<>();

	void row(String metric, String value, String reference, String target, Boolean met) {
		rows.add(new Row(metric, value, reference == null ? "" : reference, target == null ? "" : target, met));
	}

	void section(String title) {
		rows.add(new Row("**" + title + "**", "", "", "", null));
	}

	String markdown() {
		StringBuilder sb = new StringBuilder();
		header.forEach(h -> sb.append(h).append('\n'));
		sb.append('\n');
		sb.append("| metric | value | reference / ratio | target | met? |\n");
		sb.append("|---|---:|---|---|:---:|\n");
		for (Row r : rows) {
			sb.append("| ").append(esc(r.metric())).append(" | ").append(esc(r.value())).append(" | ")
				.append(esc(r.reference())).append(" | ").append(esc(r.target())).append(" | ")
				.append(r.met() == null ? "" : r.met() ? "yes" : "**no**").append(" |\n");
		}
		long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
		long missed = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
		sb.append('\n').append("Targets: ").append(met).append(" met, ").append(missed).append(" missed.\n");
		if (!notes.isEmpty()) {
			sb.append("\n### Notes\n\n");
			notes.forEach(n -> sb.append("- ").append(n).append('\n'));
		}
		if (!details.isEmpty()) {
			sb.append("\n### Details\n\n");
			details.forEach(d -> sb.append(d).append('\n'));
		}
		return sb.toString();
	}

	/**
	 * The details line of a load, with what emptying the outbox afterwards cost
	 * ({@code drain}, may be null).
	 */
	static String detail(Load.Result r, Load.Usage drain) {
		long[] post = r.latencies("post");
		long[] get = r.latencies("get");
		Load.Usage u = r.usage();
		return String.format(Locale.ROOT,
				"- %s, %d clients: %.0f ops/s over %.1f s, %d errors; POST p50 %s p99 %s%s; CPU cores: service %.2f "
						+ "(of which JIT compiler %.2f), Redis %.2f, PostgreSQL %.2f, driver %.2f, other processes %.2f%s",
				r.name(), r.clients(), r.rate(), r.seconds(), r.errors(), ms(Stats.percentile(post, 50)),
				ms(Stats.percentile(post, 99)),
				get.length > 0 ? "; GET p50 " + ms(Stats.percentile(get, 50)) + " p99 " + ms(Stats.percentile(get, 99))
						: "",
				u.service() / u.seconds(), u.jit() / u.seconds(), u.redis() / u.seconds(), u.postgres() / u.seconds(),
				u.driver() / u.seconds(), u.foreign() / u.seconds(),
				drain == null ? "" : String.format(Locale.ROOT,
						"; then the mail worker needed %.1f s%s and %.1f CPU-s to empty the outbox",
						Math.abs(drain.seconds()), drain.seconds() < 0 ? " (not empty yet)" : "", drain.total()));
	}

	private static String esc(String s) {
		return s.replace("|", "\\|");
	}

	static String f0(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
	}

	static String f1(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.1f", v);
	}

	static String f2(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
	}

	static String ms(double nanos) {
		if (Double.isNaN(nanos)) {
			return "n/a";
		}
		double m = nanos / 1e6;
		return m < 10 ? String.format(Locale.ROOT, "%.2f ms", m) : String.format(Locale.ROOT, "%.1f ms", m);
	}

	static String pct(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v * 100);
	}

	static String p(double v) {
		if (Double.isNaN(v)) {
			return "n/a";
		}
		return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
	}

}
