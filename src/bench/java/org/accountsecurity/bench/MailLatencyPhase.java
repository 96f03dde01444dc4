package org.accountsecurity.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Mail latency: API requests at half the form's maximum rate (8 clients; 100/s when the
 * throughput phase did not run), each for a different existing account; from the time a
 * request was due to the sink's end of DATA of the first mail to that recipient.
 */
final class MailLatencyPhase implements Phase {

	private final ThroughputPhase throughput;

	MailLatencyPhase(ThroughputPhase throughput) {
		this.throughput = throughput;
	}

	@Override
	public String name() {
		return "mail";
	}

	@Override
	public int seconds() {
		return 45;
	}

	@Override
	public void run(Run run) throws Exception {
		run.report.section(
				"Mail latency: request → accepted by SMTP (driver's in-process sink), JSON API, existing accounts");
		run.drain(60_000);
		Load.Result form = (throughput.max() != null) ? throughput.max().get("form8") : null;
		int rate = (form != null) ? (int) Math.max(100, form.rate() / 2) : 100;
		long millis = run.ms(15_000);
		int count = Math.min((int) (rate * millis / 1000), Requests.POOL_T - Requests.POOL_M);
		long[] sent = new long[count];
		run.sink.clearTimes();
		Load.Task task = (http, rec, seq) -> {
			int i = (int) seq;
			if (i >= count) {
				return true; // the schedule's rounding gave one more
			}
			sent[i] = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets", null, "application/json",
					Requests.json(recipient(i)), true);
			rec.record("post", System.nanoTime() - sent[i]);
			return Load.expect("POST /api/v1/password-resets", r, 202);
		};
		Run.log("mail latency: %d requests at %d/s", count, rate);
		Load.Result r = Load.open("mail", run.service.port, rate, (count * 1000L + rate - 1) / rate, 16, task,
				run.meter);
		awaitMails(run.sink, count);
		long[] lat = new long[count];
		int k = 0;
		for (int i = 0; i < count; i++) {
			Long at = run.sink.firstMailTo(recipient(i));
			if (at != null && sent[i] > 0) {
				lat[k++] = at - sent[i];
			}
		}
		long[] s = Stats.sorted(Arrays.copyOf(lat, k));
		double p50 = Stats.percentile(s, 50);
		double p99 = Stats.percentile(s, 99);
		run.report.row("Mail accepted by SMTP at " + rate + " requests/s"
				+ ((form != null) ? " (half the form's maximum)" : "") + ": p50 / p99",
				Report.ms(p50) + " / " + Report.ms(p99),
				k + " of " + count + " mails arrived; a 30 ms hold-back keeps sending off the request's time",
				"p99 < 250 ms", k == count && p99 < 250e6);
		run.report.details.add(run.detail(r));
	}

	private static String recipient(int i) {
		return Requests.email(Requests.POOL_M + i);
	}

	/** Waits (at most a minute) until every recipient has a mail. */
	private static void awaitMails(SmtpSink sink, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			int got = 0;
			for (int i = 0; i < count; i++) {
				if (sink.firstMailTo(recipient(i)) != null) {
					got++;
				}
			}
			if (got == count) {
				return;
			}
			Thread.sleep(200);
		}
	}

}
