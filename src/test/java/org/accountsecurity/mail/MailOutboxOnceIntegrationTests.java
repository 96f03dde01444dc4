package org.accountsecurity.mail;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail queued with a key is queued once, however often its caller retries (as the
 * after-change worker does when it cannot tell whether an earlier attempt got through).
 */
class MailOutboxOnceIntegrationTests {

	TestRedis redis = TestRedis.start();

	@AfterEach
	void tearDown() {
		redis.close();
	}

	@Test
	void aRetriedMessageIsQueuedOnceAndAnotherKeyAgain() {
		MailOutbox outbox = new MailOutbox(redis.template(), new SimpleMeterRegistry());
		OutboxMessage notice = new OutboxMessage("password-changed", Map.of("accountId", "a"));

		outbox.enqueueOnce("step-1", notice);
		outbox.enqueueOnce("step-1", notice);
		outbox.enqueueOnce("step-2", notice);

		assertThat(redis.template().opsForStream().size(OutboxStreams.STREAM)).isEqualTo(2);
		assertThat(redis.template()
			.opsForStream()
			.range(OutboxStreams.STREAM, org.springframework.data.domain.Range.unbounded()))
			.allSatisfy(record -> assertThat(record.getValue()).containsEntry(OutboxStreams.KIND, "password-changed")
				.containsEntry("accountId", "a"));
	}

}
