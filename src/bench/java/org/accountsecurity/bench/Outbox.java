package org.accountsecurity.bench;

import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;

/**
 * The service's mail outbox in Redis, emptied after every load so that no phase pays for
 * the mails of the one before.
 */
final class Outbox {

	private final Jedis redis;

	Outbox(Jedis redis) {
		this.redis = redis;
	}

	long depth() {
		try {
			return redis.xlen("{outbox}:mail") + redis.zcard("{outbox}:retry");
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Waits until the outbox is empty; returns the CPU used meanwhile, with negative
	 * seconds if it took too long or nobody worked on it.
	 */
	Load.Usage drain(Load.Meter meter, long maxMillis) throws InterruptedException {
		Object started = meter.start();
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(maxMillis);
		long last = -2;
		long lastChange = t0;
		while (System.nanoTime() < deadline) {
			long d = depth();
			if (d == 0) {
				return meter.stop(started, (System.nanoTime() - t0) / 1e9);
			}
			if (d != last) {
				last = d;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(5)) {
				break; // nobody works on it (app.mail.worker-enabled=false?)
			}
			Thread.sleep(100);
		}
		Load.Usage u = meter.stop(started, (System.nanoTime() - t0) / 1e9);
		Run.log("outbox still holds %d after %d ms", depth(), maxMillis);
		return new Load.Usage(-u.seconds(), u.service(), u.redis(), u.postgres(), u.driver(), u.machine(), u.jit());
	}

}
