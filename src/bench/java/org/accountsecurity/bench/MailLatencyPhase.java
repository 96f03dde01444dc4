package org.accountsecurity.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Mail latency: 100 API requests/s, each for a different existing account; from the time
 * a request was due to the sink's end of DATA of the first mail to that recipient.
 */
final class MailLatencyPhase implements Phase {

	private static final int RATE = 100;

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
		long millis = run.ms(15_000);
		int count = Math.min((int) (RATE * millis / 1000), Requests.ACCOUNTS - Requests.POOL_M);
		long[] sent = new long[count];
		run.sink.clearTimes();
		Load.Task task = (http, rec, seq) -> {
			int i = (int) seq;
			sent[i] = System.nanoTime();
			Http.Response r = http.post("/api/v1/password-resets", null, "application/json",
					Requests.json(recipient(i)), true);
			rec.record("post", System.nanoTime() - sent[i]);
			return Load.expect("POST /api/v1/password-resets", r, 202);
		};
		Run.log("mail latency: %d requests at %d/s", count, RATE);
		Load.Result r = Load.open("mail", run.service.port, RATE, count * 1000L / RATE, 16, task, run.meter);
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
		run.report.row("Mail accepted by SMTP at " + RATE + " requests/s: p50 / p99",
				Report.ms(p50) + " / " + Report.ms(p99),
				k + " of " + count + " mails arrived; GreenMail's greeting alone ~40 ms", "p50 ≤ 59 ms, p99 < 250 ms",
				k == count && p50 <= 59e6 && p99 < 250e6);
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
