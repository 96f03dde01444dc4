package org.accountsecurity.passwordreset;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.accountsecurity.support.RedisMonitor;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ScanOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis store keeps the store contract on a real Redis, and its scripts stay
 * Cluster-safe: every key they touch is declared in KEYS and carries the account's hash
 * tag.
 */
class RedisResetLinkStoreIntegrationTests extends ResetLinkStoreContract {

	private static TestRedis redis;

	private static RedisResetLinkStore store;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		store = new RedisResetLinkStore(redis.template());
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void flush() {
		redis.flush();
	}

	@Override
	ResetLinkStore store() {
		return store;
	}

	@Override
	Duration shortTtl() {
		return Duration.ofMillis(50);
	}

	@Override
	void letPass(Duration ttl) {
		// Redis expires keys by its own clock: wait until it has.
		String live = RedisResetLinkStore.keys(account).get(0);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> !Boolean.TRUE.equals(redis.template().hasKey(live)));
	}

	@Test
	void scriptsTouchOnlyTheKeysTheyDeclare() {
		List<String> undeclared = RedisMonitor.undeclaredScriptKeys(redis, () -> {
			store.replace(account, "one", TTL);
			store.replace(account, "two", TTL);
			store.consume(account, "two");
			store.replace(account, "three", TTL);
			store.revoke(account, "three");
			store.replace(account, "four", TTL);
			store.revokeAll(account);
			store.state(account, "one");
			store.state(account, "two");
		});
		assertThat(undeclared).isEmpty();
	}

	@Test
	void anAccountHasTwoKeysAtMostAndTheMarkersExpire() {
		store.replace(account, "one", TTL);
		store.replace(account, "two", TTL);
		store.consume(account, "two");
		store.replace(account, "three", TTL);
		String prefix = "rt:{" + account + "}:";
		assertThat(keys("rt:*")).isEqualTo(Set.of(prefix + "live", prefix + "gone"));
		Long ttl = redis.template().getExpire(prefix + "gone");
		assertThat(ttl).isPositive().isLessThanOrEqualTo(TTL.toSeconds());
		assertThat(redis.template().opsForHash().entries(prefix + "gone")).containsOnlyKeys("one", "two");
	}

	@Test
	void theMarkersOfAnAccountStaySmall() {
		for (int i = 0; i < 100; i++) {
			store.replace(account, "link-" + i, TTL);
		}
		assertThat(redis.template().opsForHash().size("rt:{" + account + "}:gone")).isLessThanOrEqualTo(32);
		assertThat(store.state(account, "link-98")).isEqualTo(ResetLinkState.REVOKED);
	}

	private Set<String> keys(String pattern) {
		try (var cursor = redis.template().scan(ScanOptions.scanOptions().match(pattern).build())) {
			return Set.copyOf(cursor.stream().toList());
		}
	}

}
