package org.accountsecurity.account.emailchange;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.emailchange.PendingEmailChanges.Found;
import org.accountsecurity.support.RedisMonitor;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending e-mail changes on a real Redis: the link states the pages tell apart, and
 * scripts that are Cluster-safe (every key they touch declared in KEYS, all with the
 * account's hash tag).
 */
class PendingEmailChangesIntegrationTests {

	private static final Duration TTL = Duration.ofMinutes(30);

	static TestRedis redis;

	static PendingEmailChanges pending;

	@BeforeAll
	static void start() {
		redis = TestRedis.start();
		pending = new PendingEmailChanges(redis.template());
	}

	@AfterAll
	static void stop() {
		redis.close();
	}

	@Test
	void aLinkIsValidThenUsedAndAReplacedOneSaysSo() {
		UUID account = UUID.randomUUID();
		pending.save(account, "r1", "new@example.test", 3, TTL);
		assertThat(pending.issue(account, "r1", "first", TTL)).hasValue("new@example.test");
		pending.save(account, "r2", "newer@example.test", 3, TTL);
		assertThat(pending.issue(account, "r2", "second", TTL)).hasValue("newer@example.test");
		assertThat(pending.peek(account, "first").state()).isEqualTo(ConfirmationState.REVOKED);
		Found found = pending.consume(account, "second", TTL);
		assertThat(found.state()).isEqualTo(ConfirmationState.VALID);
		assertThat(found.address()).isEqualTo("newer@example.test");
		assertThat(found.credentialVersion()).isEqualTo(3);
		assertThat(pending.consume(account, "second", TTL).state()).isEqualTo(ConfirmationState.USED);
		assertThat(pending.peek(account, "never-issued").state()).isEqualTo(ConfirmationState.INVALID);
	}

	@Test
	void scriptsTouchOnlyTheKeysTheyDeclare() {
		UUID account = UUID.randomUUID();
		List<String> undeclared = RedisMonitor.undeclaredScriptKeys(redis, () -> {
			pending.save(account, "r1", "a@example.test", 1, TTL);
			pending.issue(account, "r1", "one", TTL);
			pending.save(account, "r2", "b@example.test", 1, TTL);
			pending.issue(account, "r2", "two", TTL);
			pending.peek(account, "one");
			pending.consume(account, "two", TTL);
			pending.consume(account, "two", TTL);
		});
		assertThat(undeclared).isEmpty();
		assertThat(redis.template().keys("ec:{" + account + "}*")).containsExactly("ec:{" + account + "}:gone");
		assertThat(redis.template().getExpire("ec:{" + account + "}:gone")).isPositive()
			.isLessThanOrEqualTo(TTL.toSeconds());
	}

}
