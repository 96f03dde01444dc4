package org.accountsecurity.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The worker outlives Redis outages: it starts without Redis and carries on after a
 * restart that lost all data.
 */
class OutboxRedisOutageIntegrationTests {

	TestRedis redis = TestRedis.notStarted();

	OutboxWorker worker;

	@AfterEach
	void tearDown() {
		if (worker != null) {
			worker.stop();
		}
		redis.close();
	}

	@Test
	void theWorkerRecoversByItselfWhenRedisComesBack() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		MailOutbox outbox = new MailOutbox(redis.template(), meters);
		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		worker = new OutboxWorker(redis.template(), OutboxWorkerIntegrationTests.QUICK_RETRIES, List.of(handler),
				meters, OutboxWorkerIntegrationTests.FAST, "outage-test");
		worker.start();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> outbox.enqueue(new OutboxMessage("greeting", Map.of())));
		assertThat(meters.get("mail.outbox.depth").gauge().value()).isNaN();

		redis.startServer();
		outbox.enqueue(new OutboxMessage("greeting", Map.of("n", "1")));
		await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.size() == 1);

		// A restart without persistence loses the consumer group too; the worker creates
		// it again.
		redis.stopServer();
		redis.startServer();
		outbox.enqueue(new OutboxMessage("greeting", Map.of("n", "2")));
		await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.size() == 2);
		assertThat(handler.handled).extracting(message -> message.fields().get("n")).containsExactly("1", "2");
	}

}
