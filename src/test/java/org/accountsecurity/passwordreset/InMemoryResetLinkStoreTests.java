package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.time.Instant;

import org.accountsecurity.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory store keeps the store contract, so unit tests of the reset core can trust
 * it.
 */
class InMemoryResetLinkStoreTests extends ResetLinkStoreContract {

	private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-03-01T09:00:00Z"));

	private final InMemoryResetLinkStore store = new InMemoryResetLinkStore(clock);

	@Override
	ResetLinkStore store() {
		return store;
	}

	@Override
	Duration shortTtl() {
		return TTL;
	}

	@Override
	void letPass(Duration ttl) {
		clock.advance(ttl.plusMillis(1));
	}

	@Test
	void aLinkIsLiveUpToItsExpiryInstant() {
		store.replace(account, "one", TTL);
		clock.advance(TTL);
		assertThat(store.state(account, "one")).isEqualTo(ResetLinkState.VALID);
		clock.advance(Duration.ofMillis(1));
		assertThat(store.state(account, "one")).isEqualTo(ResetLinkState.REVOKED);
	}

}
