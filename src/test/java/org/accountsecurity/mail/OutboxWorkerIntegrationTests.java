package org.accountsecurity.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class OutboxWorkerIntegrationTests {

	static final OutboxWorker.Timing FAST = new OutboxWorker.Timing(Duration.ofMillis(100), Duration.ofMillis(50),
			Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(200));

	static final MailProperties QUICK_RETRIES = new MailProperties("Account Security <no-reply@localhost>", 3,
			Duration.ofMillis(50), true, Duration.ZERO);

	static TestRedis redis;

	SimpleMeterRegistry meters;

	MailOutbox outbox;

	final List<OutboxWorker> workers = new ArrayList<>();

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void setUp() {
		redis.flush();
		meters = new SimpleMeterRegistry();
		outbox = new MailOutbox(redis.template(), meters);
	}

	@AfterEach
	void stopWorkers() {
		workers.forEach(OutboxWorker::stop);
	}

	@Test
	void aMessageIsHandledOnceAndRemovedFromTheStream() {
		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		start(QUICK_RETRIES, handler);

		outbox.enqueue(new OutboxMessage("greeting", Map.of("account", "42")));

		await().until(() -> handler.handled.size() == 1);
		assertThat(handler.handled.get(0)).isEqualTo(new OutboxMessage("greeting", Map.of("account", "42")));
		assertThat(handler.attempts).containsExactly(1);
		await().until(() -> streamLength() == 0 && pending() == 0);
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> handler.attempts.size() == 1);
		assertThat(meters.get("mail.sent").tag("kind", "greeting").counter().count()).isEqualTo(1);
	}

	@Test
	void aMessageIsHeldBackUntilItIsOldEnoughSoThatSendingDoesNotOverlapItsRequest() {
		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		start(new MailProperties("Account Security <no-reply@localhost>", 3, Duration.ofMillis(50), true,
				Duration.ofMillis(400)), handler);
		await().until(() -> redis.template().hasKey(OutboxStreams.STREAM)); // the worker
																			// made its
																			// group

		long queued = System.nanoTime();
		outbox.enqueue(new OutboxMessage("greeting", Map.of("account", "42")));

		await().until(() -> handler.handled.size() == 1);
		assertThat(Duration.ofNanos(handler.firstHandledAt - queued)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
	}

	@Test
	void aMessageThatFailsTwiceIsDeliveredOnTheThirdAttempt() {
		RecordingHandler handler = new RecordingHandler("greeting", 2);
		start(QUICK_RETRIES, handler);

		outbox.enqueue(new OutboxMessage("greeting", Map.of("account", "42")));

		await().until(() -> handler.handled.size() == 1);
		assertThat(handler.attempts).containsExactly(1, 2, 3);
		assertThat(handler.handled.get(0).fields()).containsExactlyEntriesOf(Map.of("account", "42"));
		assertThat(handler.gaveUp).hasValue(0);
		await().until(() -> streamLength() == 0 && retries() == 0 && pending() == 0);
		assertThat(meters.get("mail.retried").tag("kind", "greeting").counter().count()).isEqualTo(2);
		assertThat(meters.get("mail.sent").tag("kind", "greeting").counter().count()).isEqualTo(1);
	}

	@Test
	void aMessageThatAlwaysFailsIsMovedToTheDeadLettersAfterTheLastAttempt() {
		RecordingHandler handler = RecordingHandler.alwaysFailing("greeting");
		start(QUICK_RETRIES, handler);

		outbox.enqueue(new OutboxMessage("greeting", Map.of("account", "42")));

		await().until(() -> handler.gaveUp.get() == 1);
		assertThat(handler.attempts).containsExactly(1, 2, 3);
		assertThat(handler.gaveUpAttempts).isEqualTo(3);
		List<MapRecord<String, Object, Object>> dead = redis.template()
			.opsForStream()
			.range(OutboxStreams.DEAD, Range.unbounded());
		assertThat(dead).singleElement()
			.satisfies(record -> assertThat(record.getValue()).containsEntry("_kind", "greeting")
				.containsEntry("account", "42")
				.containsEntry("_attempt", "3")
				.containsEntry("_reason", "MailSendException"));
		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(3))
			.until(() -> handler.gaveUp.get() == 1 && handler.attempts.size() == 3);
		assertThat(streamLength()).isZero();
		assertThat(retries()).isZero();
		assertThat(meters.get("mail.failed").tag("kind", "greeting").counter().count()).isEqualTo(1);
	}

	@Test
	void aMessageOfKindNoneSendsNothing() {
		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		start(QUICK_RETRIES, handler);

		outbox.enqueue(OutboxMessage.none());
		outbox.enqueue(new OutboxMessage("greeting", Map.of()));

		await().until(() -> handler.attempts.size() == 1 && streamLength() == 0 && pending() == 0);
		assertThat(deadLength()).isZero();
		assertThat(meters.find("mail.sent").tag("kind", "none").counter()).isNull();
	}

	@Test
	void aMessageOfAnUnknownKindIsMovedToTheDeadLetters() {
		start(QUICK_RETRIES, RecordingHandler.succeeding("greeting"));

		outbox.enqueue(new OutboxMessage("no-such-kind", Map.of("account", "42")));

		await().until(() -> deadLength() == 1 && streamLength() == 0 && pending() == 0);
		assertThat(meters.get("mail.failed").tag("kind", "unknown").counter().count()).isEqualTo(1);
	}

	@Test
	void aMessageNotQueuedByTheOutboxIsMovedToTheDeadLetters() {
		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		start(QUICK_RETRIES, handler);

		redis.template().opsForStream().add(OutboxStreams.STREAM, Map.of("_kind", "greeting", "", "no name"));

		await().until(() -> deadLength() == 1 && streamLength() == 0 && pending() == 0);
		assertThat(handler.attempts).isEmpty();
	}

	@Test
	void aMessageLeftPendingByADeadWorkerIsTakenOverByAnother() {
		new OutboxStreams(redis.template()).createGroup();
		outbox.enqueue(new OutboxMessage("greeting", Map.of("account", "42")));
		List<MapRecord<String, Object, Object>> taken = takeAsCrashedWorker();
		assertThat(taken).hasSize(1);
		assertThat(pending()).isEqualTo(1);

		RecordingHandler handler = RecordingHandler.succeeding("greeting");
		start(QUICK_RETRIES, handler);

		await().until(() -> handler.handled.size() == 1);
		assertThat(handler.handled.get(0).fields()).containsEntry("account", "42");
		await().until(() -> streamLength() == 0 && pending() == 0);
	}

	@Test
	void theDepthGaugeCountsQueuedMessagesAndRetries() {
		outbox.enqueue(new OutboxMessage("greeting", Map.of()));
		outbox.enqueue(new OutboxMessage("greeting", Map.of()));
		redis.template().opsForZSet().add(OutboxStreams.RETRY, "[\"1-0\",[\"_kind\",\"greeting\"]]", 1);

		assertThat(meters.get("mail.outbox.depth").gauge().value()).isEqualTo(3);
	}

	@Test
	void enqueueIsOneRedisCommandWhateverTheKind() {
		for (OutboxMessage message : List.of(OutboxMessage.none(), new OutboxMessage("greeting", Map.of("a", "1")))) {
			redis.template().execute(connection -> {
				connection.serverCommands().resetConfigStats();
				return null;
			}, true);

			outbox.enqueue(message);

			Properties stats = redis.template()
				.execute(connection -> connection.serverCommands().info("commandstats"), true);
			assertThat(stats.stringPropertyNames()).filteredOn(name -> name.startsWith("cmdstat_"))
				.filteredOn(name -> !name.matches("cmdstat_(info|config.*|client.*|hello|ping)"))
				.containsExactly("cmdstat_xadd");
			assertThat(stats.getProperty("cmdstat_xadd")).startsWith("calls=1,");
		}
		assertThat(streamLength()).isEqualTo(2);
	}

	@Test
	void theWorkerStopsPromptly() {
		OutboxWorker worker = start(QUICK_RETRIES);
		assertThat(worker.isRunning()).isTrue();

		long started = System.nanoTime();
		worker.stop();

		assertThat(worker.isRunning()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void theWorkerDoesNotStartByItselfWhenDisabled() {
		OutboxWorker worker = new OutboxWorker(redis.template(),
				new MailProperties("Account Security <no-reply@localhost>", 3, Duration.ofMillis(50), false,
						Duration.ZERO),
				List.of(), meters, FAST, "disabled");

		assertThat(worker.isAutoStartup()).isFalse();
	}

	@Test
	void twoHandlersForOneKindAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new OutboxWorker(redis.template(), QUICK_RETRIES,
				List.of(RecordingHandler.succeeding("greeting"), RecordingHandler.succeeding("greeting")), meters, FAST,
				"twice"));
		assertThatIllegalStateException().isThrownBy(() -> new OutboxWorker(redis.template(), QUICK_RETRIES,
				List.of(RecordingHandler.succeeding(OutboxMessage.NONE)), meters, FAST, "none"));
	}

	@Test
	void theRetryDelayDoublesUpToTenMinutes() {
		Duration first = Duration.ofSeconds(5);

		assertThat(OutboxProcessor.retryDelay(first, 1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(OutboxProcessor.retryDelay(first, 2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(OutboxProcessor.retryDelay(first, 5)).isEqualTo(Duration.ofSeconds(80));
		assertThat(OutboxProcessor.retryDelay(first, 8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(OutboxProcessor.retryDelay(first, 20)).isEqualTo(Duration.ofMinutes(10));
		assertThat(OutboxProcessor.retryDelay(Duration.ofDays(1), 1)).isEqualTo(Duration.ofMinutes(10));
	}

	private OutboxWorker start(MailProperties properties, OutboxHandler... handlers) {
		OutboxWorker worker = new OutboxWorker(redis.template(), properties, List.of(handlers), meters, FAST,
				"test-" + workers.size());
		workers.add(worker);
		worker.start();
		return worker;
	}

	@SuppressWarnings("unchecked")
	private static List<MapRecord<String, Object, Object>> takeAsCrashedWorker() {
		return redis.template()
			.opsForStream()
			.read(Consumer.from(OutboxStreams.GROUP, "crashed"),
					StreamOffset.create(OutboxStreams.STREAM, ReadOffset.lastConsumed()));
	}

	private static long streamLength() {
		return size(redis.template(), OutboxStreams.STREAM);
	}

	private static long deadLength() {
		return size(redis.template(), OutboxStreams.DEAD);
	}

	private static long retries() {
		Long count = redis.template().opsForZSet().zCard(OutboxStreams.RETRY);
		return count == null ? 0 : count;
	}

	private static long pending() {
		if (streamLength() == 0 && !Boolean.TRUE.equals(redis.template().hasKey(OutboxStreams.STREAM))) {
			return 0;
		}
		return redis.template()
			.opsForStream()
			.pending(OutboxStreams.STREAM, OutboxStreams.GROUP)
			.getTotalPendingMessages();
	}

	private static long size(StringRedisTemplate template, String key) {
		Long size = template.opsForStream().size(key);
		return size == null ? 0 : size;
	}

}
