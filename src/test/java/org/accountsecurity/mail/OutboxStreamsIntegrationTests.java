package org.accountsecurity.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accountsecurity.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Lua moves between the outbox's keys, one at a time. */
class OutboxStreamsIntegrationTests {

	static TestRedis redis;

	OutboxStreams streams;

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
		streams = new OutboxStreams(redis.template());
		streams.createGroup();
	}

	@Test
	void creatingTheGroupAgainIsHarmless() {
		streams.createGroup();

		assertThat(redis.template().opsForStream().groups(OutboxStreams.STREAM)).hasSize(1);
	}

	@Test
	void theGroupSeesMessagesQueuedBeforeItWasCreated() {
		redis.flush();
		streams.add(new OutboxMessage("greeting", Map.of("account", "42")));
		streams.createGroup();

		assertThat(streams.readNew("reader", 10, Duration.ofMillis(10))).hasSize(1);
	}

	@Test
	void aRetryWaitsInTheRetrySetAndComesBackWithItsNextAttempt() {
		streams.add(new OutboxMessage("greeting", Map.of("account", "42", "note", "Grüße \"quoted\" / \\ [1]")));
		String id = streams.readNew("reader", 10, Duration.ofMillis(10)).get(0).getId().getValue();

		streams.retryLater(id, 2, Duration.ofMillis(200));

		assertThat(streamLength()).isZero();
		assertThat(streams.depth()).isEqualTo(1);
		assertThat(streams.requeueDue(10)).isZero();
		await().until(() -> streams.requeueDue(10) == 1);
		List<MapRecord<String, Object, Object>> back = streams.readNew("reader", 10, Duration.ofMillis(10));
		assertThat(back).singleElement()
			.satisfies(record -> assertThat(record.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("_kind",
					"greeting", "account", "42", "note", "Grüße \"quoted\" / \\ [1]", "_attempt", "2")));
		assertThat(redis.template().opsForZSet().zCard(OutboxStreams.RETRY)).isZero();
	}

	@Test
	void aMessageMovedToTheDeadLettersSaysWhy() {
		streams.add(new OutboxMessage("greeting", Map.of("account", "42")));
		String id = streams.readNew("reader", 10, Duration.ofMillis(10)).get(0).getId().getValue();

		streams.moveToDead(id, 6, "MailSendException");

		assertThat(streamLength()).isZero();
		assertThat(redis.template()
			.opsForStream()
			.pending(OutboxStreams.STREAM, OutboxStreams.GROUP)
			.getTotalPendingMessages()).isZero();
		assertThat(redis.template().opsForStream().range(OutboxStreams.DEAD, Range.unbounded())).singleElement()
			.satisfies(record -> assertThat(record.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("_kind",
					"greeting", "account", "42", "_attempt", "6", "_id", id, "_reason", "MailSendException")));
	}

	@Test
	void consumersThatHoldNothingAndWereNotSeenForLongAreForgotten() {
		for (String consumer : List.of("holder", "idle", "self")) {
			streams.add(new OutboxMessage("greeting", Map.of()));
			String id = streams.readNew(consumer, 1, Duration.ofMillis(10)).get(0).getId().getValue();
			if (!consumer.equals("holder")) {
				streams.done(id);
			}
		}

		await().until(() -> streams.pruneConsumers("self", Duration.ZERO) == 1);

		assertThat(redis.template().opsForStream().consumers(OutboxStreams.STREAM, OutboxStreams.GROUP))
			.extracting(XInfoConsumer::consumerName)
			.containsExactlyInAnyOrder("holder", "self");
	}

	private static long streamLength() {
		Long size = redis.template().opsForStream().size(OutboxStreams.STREAM);
		return size == null ? 0 : size;
	}

}
