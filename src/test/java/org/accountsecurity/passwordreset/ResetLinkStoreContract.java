package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ResetLinkStore} does; run against each implementation by a subclass.
 */
abstract class ResetLinkStoreContract {

	static final Duration TTL = Duration.ofMinutes(30);

	final UUID account = UUID.randomUUID();

	abstract ResetLinkStore store();

	/** A lifetime short enough to pass in a test, and the wait until it has passed. */
	abstract Duration shortTtl();

	abstract void letPass(Duration ttl);

	@Test
	void aLinkIsValidUntilConsumedOnceThenUsed() {
		store().replace(account, "one", TTL);
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.VALID);
		assertThat(store().consume(account, "one")).isTrue();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.USED);
		assertThat(store().consume(account, "one")).isFalse();
		assertThat(store().revoke(account, "one")).isFalse();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.USED);
	}

	@Test
	void aLinkGivenBackAfterAFailedChangeIsValidAgainButNotOverANewerOne() {
		store().replace(account, "one", TTL);
		assertThat(store().giveBack(account, "one", TTL)).isFalse();
		store().consume(account, "one");
		assertThat(store().giveBack(account, "one", TTL)).isTrue();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.VALID);
		assertThat(store().consume(account, "one")).isTrue();

		store().replace(account, "two", TTL);
		assertThat(store().giveBack(account, "one", TTL)).isFalse();
		assertThat(store().state(account, "two")).isEqualTo(ResetLinkState.VALID);
		store().revoke(account, "two");
		assertThat(store().giveBack(account, "two", TTL)).isFalse();
		assertThat(store().state(account, "two")).isEqualTo(ResetLinkState.REVOKED);
	}

	@Test
	void aNewerLinkRevokesTheOlderOne() {
		store().replace(account, "one", TTL);
		store().replace(account, "two", TTL);
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.REVOKED);
		assertThat(store().consume(account, "one")).isFalse();
		assertThat(store().state(account, "two")).isEqualTo(ResetLinkState.VALID);
	}

	@Test
	void aUsedLinkStaysUsedAfterANewerLink() {
		store().replace(account, "one", TTL);
		store().consume(account, "one");
		store().replace(account, "two", TTL);
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.USED);
		assertThat(store().state(account, "two")).isEqualTo(ResetLinkState.VALID);
	}

	@Test
	void revokingTouchesOnlyTheNamedLiveLink() {
		store().replace(account, "one", TTL);
		assertThat(store().revoke(account, "other")).isFalse();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.VALID);
		assertThat(store().revoke(account, "one")).isTrue();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.REVOKED);
		assertThat(store().revoke(account, "one")).isFalse();
		assertThat(store().consume(account, "one")).isFalse();
	}

	@Test
	void revokeAllRevokesTheLiveLink() {
		store().revokeAll(account);
		store().replace(account, "one", TTL);
		store().revokeAll(account);
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.REVOKED);
		assertThat(store().consume(account, "one")).isFalse();
	}

	@Test
	void accountsAreApart() {
		UUID other = UUID.randomUUID();
		store().replace(account, "one", TTL);
		store().replace(other, "two", TTL);
		store().revokeAll(other);
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.VALID);
		assertThat(store().consume(other, "one")).isFalse();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.VALID);
	}

	@Test
	void anUnknownLinkReadsRevoked() {
		assertThat(store().state(account, "never")).isEqualTo(ResetLinkState.REVOKED);
		assertThat(store().consume(account, "never")).isFalse();
	}

	@Test
	void aLinkEndsWithItsLifetime() {
		store().replace(account, "one", shortTtl());
		letPass(shortTtl());
		assertThat(store().state(account, "one")).isNotEqualTo(ResetLinkState.VALID);
		assertThat(store().consume(account, "one")).isFalse();
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.REVOKED);
	}

	@Test
	void manyNewerLinksLeaveOnlyTheNewestValid() {
		for (int i = 0; i < 40; i++) {
			store().replace(account, "link-" + i, TTL);
		}
		assertThat(store().state(account, "link-39")).isEqualTo(ResetLinkState.VALID);
		assertThat(store().state(account, "link-38")).isEqualTo(ResetLinkState.REVOKED);
		assertThat(store().state(account, "link-0")).isEqualTo(ResetLinkState.REVOKED);
	}

	@Test
	void ofConcurrentConsumesExactlyOneWins() throws Exception {
		int threads = 20;
		store().replace(account, "one", TTL);
		CyclicBarrier barrier = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					barrier.await();
					return store().consume(account, "one");
				}));
			}
			int won = 0;
			for (Future<Boolean> result : results) {
				won += result.get() ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(store().state(account, "one")).isEqualTo(ResetLinkState.USED);
	}

}
